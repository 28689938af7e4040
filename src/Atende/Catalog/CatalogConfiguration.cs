using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Catalog;

internal sealed class TicketStatusConfiguration : IEntityTypeConfiguration<TicketStatus>
{
    public void Configure(EntityTypeBuilder<TicketStatus> b)
    {
        b.ToTable("Statuses");
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Color).HasMaxLength(9);
        b.HasIndex(s => s.Key).IsUnique();
    }
}

internal sealed class RequestTypeConfiguration : IEntityTypeConfiguration<RequestType>
{
    public void Configure(EntityTypeBuilder<RequestType> b)
    {
        b.Property(t => t.Key).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(2000);
        b.Property(t => t.Category).HasMaxLength(100);
        b.Property(t => t.Icon).HasMaxLength(64);
        b.HasIndex(t => t.Key).IsUnique();
        b.HasMany(t => t.Fields).WithOne().HasForeignKey(f => f.RequestTypeId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a team leaves its types without a default team rather than failing.
        b.HasOne<Agents.Team>().WithMany().HasForeignKey(t => t.DefaultTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FormFieldConfiguration : IEntityTypeConfiguration<FormField>
{
    public void Configure(EntityTypeBuilder<FormField> b)
    {
        b.Property(f => f.Key).HasMaxLength(64);
        b.Property(f => f.Label).HasMaxLength(200);
        b.Property(f => f.Help).HasMaxLength(1000);
        b.Property(f => f.OptionsJson).HasMaxLength(20_000);
        b.HasIndex(f => new { f.RequestTypeId, f.Key }).IsUnique();
        b.Ignore(f => f.Options);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Name).HasMaxLength(64);
        b.HasIndex(t => t.Name).IsUnique();
    }
}
