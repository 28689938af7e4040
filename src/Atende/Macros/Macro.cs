using Atende.Accounts;
using Atende.Tickets;

namespace Atende.Macros;

/// <summary>
/// A one-click change to a ticket: a patch (status, priority, type, team, assignee, tags to add and remove) and an
/// optional reply or note with the canned-response placeholders. It is applied as the agent who clicks it, through
/// the same handlers as a manual change. Shared macros are the admins' to change; personal ones their owner's alone.
/// </summary>
public sealed class Macro
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 1000;
    public const int ReplyMaxLength = 20_000;
    /// <summary>The assignee value that means "whoever applies the macro".</summary>
    public const string AssignToMe = "me";
    /// <summary>The assignee value that means "nobody".</summary>
    public const string Unassign = "none";

    private Macro() { }

    private Macro(int? ownerAgentId, DateTime now)
    {
        OwnerAgentId = ownerAgentId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    /// <summary>Null for a shared macro.</summary>
    public int? OwnerAgentId { get; private set; }
    public string? Status { get; private set; }
    public Priority? Priority { get; private set; }
    public string? Type { get; private set; }
    public int? TeamId { get; private set; }
    /// <summary>Null: leave as is; "me", "none" or an agent id.</summary>
    public string? Assignee { get; private set; }
    /// <summary>Space-separated tag names (tags are one word).</summary>
    public string AddTags { get; private set; } = "";
    public string RemoveTags { get; private set; } = "";
    public string? ReplyBody { get; private set; }
    public Visibility ReplyVisibility { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool IsShared => OwnerAgentId is null;

    public static Macro Create(bool shared, Caller author, DateTime now)
    {
        if (shared && !author.IsAdmin)
        {
            throw new ForbiddenException("Only administrators can create shared macros; create a personal one instead.");
        }
        return new Macro(shared ? null : author.AgentId ?? throw new ForbiddenException("Personal macros belong to an agent."), now);
    }

    public bool CanBeChangedBy(Caller caller) => IsShared ? caller.IsAdmin : caller.AgentId == OwnerAgentId;

    public void RequireChangeableBy(Caller caller)
    {
        if (!CanBeChangedBy(caller))
        {
            throw new ForbiddenException(IsShared
                ? "Only administrators can change shared macros."
                : "Only the agent who wrote a personal macro can change it.");
        }
    }

    public void Define(MacroDefinition d, DateTime now)
    {
        Name = d.Name;
        Description = d.Description;
        Status = d.Status;
        Priority = d.Priority;
        Type = d.Type;
        TeamId = d.TeamId;
        Assignee = d.Assignee;
        AddTags = string.Join(' ', d.AddTags);
        RemoveTags = string.Join(' ', d.RemoveTags);
        ReplyBody = d.ReplyBody;
        ReplyVisibility = d.ReplyVisibility;
        UpdatedAt = now;
    }

    public MacroDefinition Definition => new(Name, Description, Status, Priority, Type, TeamId, Assignee,
        AddTags.Split(' ', StringSplitOptions.RemoveEmptyEntries), RemoveTags.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        ReplyBody, ReplyVisibility);
}

/// <summary>What a macro does, validated (see <c>MacroInput</c>).</summary>
public sealed record MacroDefinition(
    string Name,
    string? Description,
    string? Status,
    Priority? Priority,
    string? Type,
    int? TeamId,
    string? Assignee,
    IReadOnlyList<string> AddTags,
    IReadOnlyList<string> RemoveTags,
    string? ReplyBody,
    Visibility ReplyVisibility);

public static class MacroVisibility
{
    /// <summary>Every agent sees the shared macros and their own; nobody sees a colleague's personal ones.</summary>
    public static IQueryable<Macro> VisibleTo(this IQueryable<Macro> macros, Caller caller)
    {
        if (!caller.IsStaff)
        {
            return macros.Where(m => false);
        }
        var me = caller.AgentId;
        return macros.Where(m => m.OwnerAgentId == null || m.OwnerAgentId == me);
    }
}
