using Atende.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Views;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.Property(v => v.Name).HasMaxLength(SavedView.NameMaxLength);
        b.Property(v => v.FilterJson).HasMaxLength(SavedView.FilterJsonMaxLength);
        b.Property(v => v.Sort).HasMaxLength(20);
        b.Ignore(v => v.Filter);
        // The navigation lists "mine" and "my teams' shared ones".
        b.HasIndex(v => new { v.OwnerAgentId, v.Name });
        b.HasIndex(v => new { v.TeamId, v.Name });
        b.HasOne<Agent>().WithMany().HasForeignKey(v => v.OwnerAgentId).OnDelete(DeleteBehavior.Cascade);
        // A deleted team's shared views stay with their owners, as personal ones.
        b.HasOne<Team>().WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
