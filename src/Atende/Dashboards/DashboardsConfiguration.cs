using Atende.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Dashboards;

internal sealed class DashboardConfiguration : IEntityTypeConfiguration<Dashboard>
{
    public void Configure(EntityTypeBuilder<Dashboard> b)
    {
        b.Property(d => d.Name).HasMaxLength(Dashboard.NameMaxLength);
        b.Property(d => d.Sharing).HasConversion<string>().HasMaxLength(20);
        // The picker lists "mine", "my teams'" and "everyone's".
        b.HasIndex(d => new { d.OwnerAgentId, d.Name });
        b.HasIndex(d => new { d.Sharing, d.TeamId });
        b.HasOne<Agent>().WithMany().HasForeignKey(d => d.OwnerAgentId).OnDelete(DeleteBehavior.Cascade);
        // A deleted team's dashboards stay with their owners (the handler shows them as personal).
        b.HasOne<Team>().WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(d => d.Widgets).WithOne().HasForeignKey(w => w.DashboardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Widgets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DashboardWidgetConfiguration : IEntityTypeConfiguration<DashboardWidget>
{
    public void Configure(EntityTypeBuilder<DashboardWidget> b)
    {
        b.ToTable("DashboardWidgets");
        b.Property(w => w.Title).HasMaxLength(DashboardWidget.TitleMaxLength);
        b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(w => w.Height).HasConversion<string>().HasMaxLength(10);
        b.Property(w => w.Report).HasMaxLength(30);
        b.Property(w => w.Metrics).HasMaxLength(400);
        b.Property(w => w.GroupBy).HasMaxLength(20);
        b.Property(w => w.Period).HasMaxLength(20);
        b.Property(w => w.Type).HasMaxLength(100);
        b.Property(w => w.Priority).HasMaxLength(10);
        b.Property(w => w.Agent).HasMaxLength(12);
        b.Ignore(w => w.Settings);
        b.HasIndex(w => new { w.DashboardId, w.Position });
    }
}

internal sealed class DashboardHomeConfiguration : IEntityTypeConfiguration<DashboardHome>
{
    public void Configure(EntityTypeBuilder<DashboardHome> b)
    {
        b.HasKey(h => h.AgentId);
        b.Property(h => h.AgentId).ValueGeneratedNever();
        b.Property(h => h.DashboardKey).HasMaxLength(DashboardHome.KeyMaxLength);
        b.HasOne<Agent>().WithMany().HasForeignKey(h => h.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
