using Atende.Accounts;
using Atende.Tickets;

namespace Atende.Macros;

/// <summary>A macro as the API shows it; <c>canEdit</c> tells a client whether to offer editing.</summary>
public sealed record MacroView(
    int Id,
    string Name,
    string? Description,
    bool Shared,
    bool CanEdit,
    string? Status,
    Priority? Priority,
    string? Type,
    int? TeamId,
    string? Assignee,
    IReadOnlyList<string> AddTags,
    IReadOnlyList<string> RemoveTags,
    string? Reply,
    Visibility ReplyVisibility,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    internal static MacroView Of(Macro m, Caller caller)
    {
        var d = m.Definition;
        return new(m.Id, m.Name, m.Description, m.IsShared, m.CanBeChangedBy(caller), d.Status, d.Priority, d.Type, d.TeamId, d.Assignee,
            d.AddTags, d.RemoveTags, d.ReplyBody, d.ReplyVisibility, m.CreatedAt, m.UpdatedAt);
    }
}

/// <summary>
/// What create and replace carry. <c>assignee</c> is "me" (whoever applies it), "none" (unassign) or an agent id;
/// <c>reply</c> may use the canned-response placeholders such as {{requester.name}}.
/// </summary>
public sealed record MacroRequest(
    string? Name,
    string? Description = null,
    bool? Shared = null,
    string? Status = null,
    Priority? Priority = null,
    string? Type = null,
    int? TeamId = null,
    string? Assignee = null,
    IReadOnlyList<string>? AddTags = null,
    IReadOnlyList<string>? RemoveTags = null,
    string? Reply = null,
    Visibility? ReplyVisibility = null);
