using Atende.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Macros;

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> b)
    {
        b.Property(m => m.Name).HasMaxLength(Macro.NameMaxLength);
        b.Property(m => m.Description).HasMaxLength(Macro.DescriptionMaxLength);
        b.Property(m => m.Status).HasMaxLength(64);
        b.Property(m => m.Type).HasMaxLength(64);
        b.Property(m => m.Assignee).HasMaxLength(20);
        b.Property(m => m.AddTags).HasMaxLength(2000);
        b.Property(m => m.RemoveTags).HasMaxLength(2000);
        b.Property(m => m.ReplyBody).HasMaxLength(Macro.ReplyMaxLength);
        b.Ignore(m => m.IsShared);
        b.Ignore(m => m.Definition);
        // The menu lists "shared or mine" by name.
        b.HasIndex(m => new { m.OwnerAgentId, m.Name, m.Id });
        b.HasOne<Agent>().WithMany().HasForeignKey(m => m.OwnerAgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
