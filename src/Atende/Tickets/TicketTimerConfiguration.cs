using Atende.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Tickets;

internal sealed class TicketTimerConfiguration : IEntityTypeConfiguration<TicketTimer>
{
    public void Configure(EntityTypeBuilder<TicketTimer> b)
    {
        b.Property(t => t.Note).HasMaxLength(2000);
        // One clock per agent per ticket; the unique index settles a start pressed on two devices at once.
        b.HasIndex(t => new { t.TicketId, t.AgentId }).IsUnique();
        b.HasIndex(t => t.AgentId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agent>().WithMany().HasForeignKey(t => t.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
