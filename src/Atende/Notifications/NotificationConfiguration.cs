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
        // The bell: "my unread, newest first" and "my notifications, newest first", both from one index walk.
        b.HasIndex(n => new { n.AgentId, n.ReadAt, n.Id });
        b.HasIndex(n => new { n.AgentId, n.Id });
        b.HasIndex(n => new { n.OutboxMessageId, n.AgentId, n.Kind }).IsUnique();
        b.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
