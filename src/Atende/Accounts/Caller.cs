using Atende.Agents;

namespace Atende.Accounts;

/// <summary>Who is asking. Every handler decides what the caller may read and write from this, never from HTTP.</summary>
public sealed record Caller(
    int? AccountId,
    int? AgentId,
    int? CustomerId,
    AgentRole? Role,
    IReadOnlyList<int> TeamIds,
    int? OrganizationId,
    bool OrganizationSharesTickets,
    string Name)
{
    /// <summary>Start-up, demo seeding and (later) rules act as the system: all rights, no person.</summary>
    public static Caller System { get; } = new(null, null, null, AgentRole.Admin, [], null, false, "System");

    /// <summary>The automation rule acting, when a rule made the change (history shows "by rule ...").</summary>
    public int? RuleId { get; init; }

    /// <summary>
    /// How many rule steps led to this change: an event a rule caused carries it on, and the engine stops at a cap,
    /// so two rules that keep undoing each other cannot loop forever.
    /// </summary>
    public int AutomationDepth { get; init; }

    /// <summary>A rule acts with the system's rights, under its own name, one step deeper than the event that woke it.</summary>
    public static Caller ForRule(int ruleId, string ruleName, int depth) =>
        System with { Name = ruleName, RuleId = ruleId, AutomationDepth = depth };

    public bool IsStaff => Role is not null;
    public bool IsAdmin => Role == AgentRole.Admin;
    public bool IsCustomer => CustomerId is not null;

    public void RequireStaff()
    {
        if (!IsStaff)
        {
            throw new ForbiddenException("Only agents can do this.");
        }
    }

    public void RequireAdmin()
    {
        if (!IsAdmin)
        {
            throw new ForbiddenException("Only administrators can do this.");
        }
    }
}
