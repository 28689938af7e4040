using Atende.Agents;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.ActorName).HasMaxLength(200);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Detail).HasMaxLength(50);
        // The bell: "my unread, newest first" and "my notifications, newest first", both from one index walk.
        b.HasIndex(n => new { n.AgentId, n.ReadAt, n.Id });
        b.HasIndex(n => new { n.AgentId, n.Id });
        b.HasIndex(n => new { n.OutboxMessageId, n.AgentId, n.Kind }).IsUnique();
        b.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> b)
    {
        b.HasKey(p => p.AgentId);
        b.Property(p => p.AgentId).ValueGeneratedNever();
        b.Property(p => p.DigestTimeZone).HasMaxLength(64);
        b.Property(p => p.DigestLockedBy).HasMaxLength(100);
        // The scheduler's claim: due digests, earliest first (rows not in digest mode have no due time).
        b.HasIndex(p => p.DigestDueAt);
        b.HasOne<Agent>().WithOne().HasForeignKey<NotificationPreferences>(p => p.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestItemConfiguration : IEntityTypeConfiguration<DigestItem>
{
    public void Configure(EntityTypeBuilder<DigestItem> b)
    {
        b.Property(i => i.ActorName).HasMaxLength(200);
        b.Property(i => i.Detail).HasMaxLength(50);
        // The digest reads one agent's items in order; a replayed event cannot add an item twice.
        b.HasIndex(i => new { i.AgentId, i.Id });
        b.HasIndex(i => new { i.OutboxMessageId, i.AgentId, i.Event }).IsUnique();
        b.HasOne<Agent>().WithMany().HasForeignKey(i => i.AgentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
