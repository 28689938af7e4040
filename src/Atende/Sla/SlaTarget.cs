using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Sla;

public enum SlaTargetKind
{
    FirstResponse = 0,
    /// <summary>One per customer reply that follows an agent's reply (<see cref="SlaTarget.Cycle"/> counts them).</summary>
    NextResponse = 1,
    Resolution = 2,
}

/// <summary>
/// One service target of one ticket: its clock (working time used, running or paused), when it falls due, and how it
/// ended — met (<see cref="AchievedAt"/>, with the working minutes it took) and/or late (<see cref="BreachedAt"/>).
/// Kept by the SLA outbox handler; reports read the finished rows.
/// </summary>
public sealed class SlaTarget
{
    private SlaTarget() { }

    public SlaTarget(int ticketId, SlaTargetKind kind, int cycle, int policyId, int minutes, SlaClock clock)
    {
        TicketId = ticketId;
        Kind = kind;
        Cycle = cycle;
        PolicyId = policyId;
        TargetMinutes = minutes;
        StartedAt = clock.RunningSince ?? DateTime.UnixEpoch;
        Clock = clock;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public SlaTargetKind Kind { get; private set; }
    public int Cycle { get; private set; }
    /// <summary>The policy that set the target; null once that policy was deleted (the row stays for reports).</summary>
    public int? PolicyId { get; private set; }
    public int TargetMinutes { get; private set; }
    public DateTime StartedAt { get; private set; }
    /// <summary>Working time used while the clock was running before <see cref="RunningSince"/>.</summary>
    public long ConsumedSeconds { get; private set; }
    /// <summary>Null while paused (pending status, met, or the ticket is done).</summary>
    public DateTime? RunningSince { get; private set; }
    public DateTime? DueAt { get; private set; }
    public DateTime? AchievedAt { get; private set; }
    /// <summary>Working minutes from start to <see cref="AchievedAt"/>, pauses excluded: the figure reports average.</summary>
    public int? BusinessMinutes { get; private set; }
    public DateTime? WarnedAt { get; private set; }
    public DateTime? BreachedAt { get; private set; }

    public bool IsOpen => AchievedAt is null;

    public string Key => Keys[(int)Kind];

    /// <summary>The <c>ScheduledEvent</c> keys; one open target per kind, so the kind names its timers.</summary>
    public static readonly string[] Keys = ["firstResponse", "nextResponse", "resolution"];

    public static SlaTargetKind? KindOf(string key) => Array.IndexOf(Keys, key) is var i and >= 0 ? (SlaTargetKind)i : null;

    public SlaClock Clock
    {
        get => new(TimeSpan.FromSeconds(ConsumedSeconds), RunningSince);
        private set
        {
            ConsumedSeconds = (long)value.Consumed.TotalSeconds;
            RunningSince = value.RunningSince;
        }
    }

    public void Pause(DateTime at, BusinessCalendar calendar) => Clock = Clock.Pause(at, calendar);

    public void Resume(DateTime at) => Clock = Clock.Resume(at);

    /// <summary>Another policy or priority: what was used stays used, only the goal moves.</summary>
    public void Retarget(int policyId, int minutes) => (PolicyId, TargetMinutes) = (policyId, minutes);

    public void Recompute(BusinessCalendar calendar)
    {
        if (Clock.DueAt(TimeSpan.FromMinutes(TargetMinutes), calendar) is { } due)
        {
            DueAt = due;
        }
        else if (IsOpen)
        {
            // Paused: nothing is due while we wait on the customer.
            DueAt = null;
        }
    }

    public void Achieve(DateTime at, BusinessCalendar calendar)
    {
        if (!IsOpen)
        {
            return;
        }
        var used = Clock.ElapsedAt(at, calendar);
        Recompute(calendar);
        Clock = Clock.Pause(at, calendar);
        AchievedAt = at;
        BusinessMinutes = (int)Math.Round(used.TotalMinutes, MidpointRounding.AwayFromZero);
        if (used > TimeSpan.FromMinutes(TargetMinutes) && BreachedAt is null)
        {
            // Met late before the breach timer fired: still a breach for the reports.
            BreachedAt = DueAt is { } due && due < at ? due : at;
        }
    }

    /// <summary>The ticket came back (reopened): the resolution clock runs on from what it had used.</summary>
    public void Reopen(DateTime at)
    {
        AchievedAt = null;
        BusinessMinutes = null;
        Clock = Clock.Resume(at);
    }

    public void Warn(DateTime at) => WarnedAt ??= at;

    public void Breach(DateTime at) => BreachedAt ??= at;
}

internal sealed class SlaTargetConfiguration : IEntityTypeConfiguration<SlaTarget>
{
    public void Configure(EntityTypeBuilder<SlaTarget> b)
    {
        b.ToTable("SlaTargets");
        b.Ignore(t => t.Clock);
        b.Ignore(t => t.IsOpen);
        b.Ignore(t => t.Key);
        b.HasIndex(t => new { t.TicketId, t.Kind, t.Cycle }).IsUnique();
        // Reports: targets of a kind finished in a period.
        b.HasIndex(t => new { t.Kind, t.AchievedAt });
        // The sla report: targets met in a period (AchievedAt range, BreachedAt null), open targets due soon (both
        // null, DueAt range), and targets breached in a period.
        b.HasIndex(t => new { t.AchievedAt, t.BreachedAt, t.DueAt });
        b.HasIndex(t => t.BreachedAt);
        b.HasIndex(t => t.PolicyId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SlaPolicy>().WithMany().HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.SetNull);
    }
}
