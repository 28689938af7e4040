using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Persistence;

/// <summary>
/// A ticket event that must happen at a time (an SLA warning or breach, an idle ticket, an assignment timeout).
/// Stored, so it survives restarts; at <see cref="DueAt"/> the scheduler claims it with a lease (as the outbox
/// does), and in one transaction deletes it and writes its <c>TicketEvent</c> (<see cref="Type"/>, <see cref="Key"/>
/// in <c>Fields</c>) to the outbox — so the effect runs once, however many nodes run.
/// A fired event is a hint, not a verdict: its handler re-checks the ticket (the target may have been met a moment
/// before), because a reschedule can race a claim.
/// </summary>
public sealed class ScheduledEvent
{
    public const int KeyMaxLength = 100;

    private ScheduledEvent() { }

    private ScheduledEvent(string type, int ticketId, string key, DateTime dueAt)
    {
        Type = type;
        TicketId = ticketId;
        Key = key;
        DueAt = dueAt;
    }

    public long Id { get; private set; }
    /// <summary>The <c>TicketEvents</c> name it becomes, e.g. <c>sla.breached</c>.</summary>
    public string Type { get; private set; } = "";
    public int TicketId { get; private set; }
    /// <summary>What it is about within the ticket: an SLA target ("firstResponse"), a rule id ("rule:12")...</summary>
    public string Key { get; private set; } = "";
    public DateTime DueAt { get; private set; }
    public int Attempts { get; internal set; }
    public string? LockedBy { get; internal set; }
    public DateTime? LockedUntil { get; internal set; }

    /// <summary>
    /// Makes sure exactly one event of this type and key is due for the ticket at <paramref name="dueAt"/>:
    /// moves an existing one (and frees its claim) or adds one. Saved with the caller's <c>SaveChanges</c>.
    /// </summary>
    public static async Task ScheduleAsync(AtendeDb db, string type, int ticketId, string key, DateTime dueAt, CancellationToken ct)
    {
        var existing = db.ScheduledEvents.Local.FirstOrDefault(e => e.TicketId == ticketId && e.Type == type && e.Key == key)
            ?? await db.ScheduledEvents.FirstOrDefaultAsync(e => e.TicketId == ticketId && e.Type == type && e.Key == key, ct);
        if (existing is null)
        {
            db.ScheduledEvents.Add(new ScheduledEvent(type, ticketId, key, dueAt));
            return;
        }
        if (db.Entry(existing).State == EntityState.Deleted)
        {
            db.Entry(existing).State = EntityState.Unchanged;
        }
        existing.DueAt = dueAt;
        existing.LockedBy = null;
        existing.LockedUntil = null;
        existing.Attempts = 0;
    }

    /// <summary>Removes the ticket's pending event of this type and key, if any (the target was met, the rule is gone).</summary>
    public static async Task CancelAsync(AtendeDb db, string type, int ticketId, string key, CancellationToken ct)
    {
        var existing = db.ScheduledEvents.Local.FirstOrDefault(e => e.TicketId == ticketId && e.Type == type && e.Key == key)
            ?? await db.ScheduledEvents.FirstOrDefaultAsync(e => e.TicketId == ticketId && e.Type == type && e.Key == key, ct);
        if (existing is not null)
        {
            db.ScheduledEvents.Remove(existing);
        }
    }
}

internal sealed class ScheduledEventConfiguration : IEntityTypeConfiguration<ScheduledEvent>
{
    public void Configure(EntityTypeBuilder<ScheduledEvent> b)
    {
        b.ToTable("ScheduledEvents");
        b.Property(e => e.Type).HasMaxLength(50);
        b.Property(e => e.Key).HasMaxLength(ScheduledEvent.KeyMaxLength);
        b.Property(e => e.LockedBy).HasMaxLength(100);
        // One pending event per ticket, type and key: rescheduling moves it instead of piling up duplicates.
        b.HasIndex(e => new { e.TicketId, e.Type, e.Key }).IsUnique();
        // The scheduler's claim: the earliest due first.
        b.HasIndex(e => e.DueAt);
        b.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
