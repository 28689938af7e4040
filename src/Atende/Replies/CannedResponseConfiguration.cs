using Atende.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Replies;

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> b)
    {
        b.Property(r => r.Title).HasMaxLength(CannedResponse.TitleMaxLength);
        b.Property(r => r.Body).HasMaxLength(CannedResponse.BodyMaxLength);
        b.Ignore(r => r.IsShared);
        // The picker lists "shared or mine" by title: (owner, title) answers both halves of that query.
        b.HasIndex(r => new { r.OwnerAgentId, r.Title, r.Id });
        b.HasOne<Agent>().WithMany().HasForeignKey(r => r.OwnerAgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
