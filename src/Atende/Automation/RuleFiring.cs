using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Automation;

/// <summary>What happened when a rule met an event.</summary>
public enum RuleFiringOutcome
{
    /// <summary>Conditions held and the actions ran.</summary>
    Fired = 0,
    /// <summary>Conditions held, but the event came from too many rule steps in a row: stopped as a probable loop.</summary>
    LoopStopped = 1,
    /// <summary>Conditions held, some actions could not run (a team gone, an invalid value); the others did.</summary>
    Partial = 2,
}

/// <summary>One firing of a rule on a ticket: the admin's "recent firings" and the proof of what a rule did.</summary>
public sealed class RuleFiring
{
    public const int DetailMaxLength = 2000;

    private RuleFiring() { }

    public RuleFiring(int ruleId, int ticketId, string eventType, long outboxMessageId, int depth, RuleFiringOutcome outcome, string detail, DateTime at)
    {
        RuleId = ruleId;
        TicketId = ticketId;
        Event = eventType;
        OutboxMessageId = outboxMessageId;
        Depth = depth;
        Outcome = outcome;
        Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail;
        At = at;
    }

    public long Id { get; private set; }
    public int RuleId { get; private set; }
    public int TicketId { get; private set; }
    public string Event { get; private set; } = "";
    public long OutboxMessageId { get; private set; }
    public int Depth { get; private set; }
    public RuleFiringOutcome Outcome { get; private set; }
    /// <summary>What the actions did, in words ("set team to Tier 2; notified 1 agent").</summary>
    public string Detail { get; private set; } = "";
    public DateTime At { get; private set; }
}

internal sealed class RuleFiringConfiguration : IEntityTypeConfiguration<RuleFiring>
{
    public void Configure(EntityTypeBuilder<RuleFiring> b)
    {
        b.ToTable("RuleFirings");
        b.Property(f => f.Event).HasMaxLength(50);
        b.Property(f => f.Detail).HasMaxLength(RuleFiring.DetailMaxLength);
        // "Recent firings of this rule", newest first.
        b.HasIndex(f => new { f.RuleId, f.Id });
        b.HasIndex(f => f.TicketId);
        // Retention deletes by age.
        b.HasIndex(f => f.At);
        b.HasOne<AutomationRule>().WithMany().HasForeignKey(f => f.RuleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
