using System.Globalization;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Replies;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Macros;

/// <summary>Checks a macro against the desk's catalogue when it is saved, so applying it later rarely fails.</summary>
internal static class MacroInput
{
    public static async Task<MacroDefinition?> ValidateAsync(MacroRequest r, AtendeDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = errors.Text("name", r.Name, Macro.NameMaxLength, required: true);
        var description = errors.Text("description", r.Description, Macro.DescriptionMaxLength);
        if (r.Status is not null && !await db.Statuses.AnyAsync(s => s.Key == r.Status, ct))
        {
            errors.Add("status", $"'{r.Status}' is not a status.");
        }
        if (r.Type is not null && !await db.RequestTypes.AnyAsync(t => t.Key == r.Type && t.Active, ct))
        {
            errors.Add("type", $"'{r.Type}' is not an active request type.");
        }
        if (r.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            errors.Add("teamId", "is not a team.");
        }
        var assignee = r.Assignee is null or "" ? null : r.Assignee.Trim();
        if (assignee is not null && assignee != Macro.AssignToMe && assignee != Macro.Unassign)
        {
            if (!int.TryParse(assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId) ||
                !await db.Agents.AnyAsync(a => a.Id == agentId && a.Active, ct))
            {
                errors.Add("assignee", "must be \"me\", \"none\" or the id of an active agent.");
            }
        }
        var add = EnsureTags.Validate("addTags", r.AddTags ?? [], errors) ?? [];
        var remove = EnsureTags.Validate("removeTags", r.RemoveTags ?? [], errors) ?? [];
        if (add.Intersect(remove).Any())
        {
            errors.Add("removeTags", "must not name a tag the macro also adds.");
        }
        string? reply = null;
        if (r.Reply is { Length: > 0 })
        {
            reply = Content.MarkdownBody.Validate("reply", r.Reply, errors);
            if (reply is { Length: > Macro.ReplyMaxLength })
            {
                errors.Add("reply", $"must be at most {Macro.ReplyMaxLength} characters.");
            }
            else if (reply is not null)
            {
                CannedResponsePlaceholders.Validate("reply", reply, errors);
            }
        }
        if (r.Status is null && r.Priority is null && r.Type is null && r.TeamId is null && assignee is null &&
            add.Count == 0 && remove.Count == 0 && reply is null)
        {
            errors.Add("reply", "a macro must change something: set a field, a tag or a reply.");
        }
        errors.ThrowIfAny();
        return new MacroDefinition(name!, description, r.Status, r.Priority, r.Type, r.TeamId, assignee, add, remove, reply,
            r.ReplyVisibility ?? Visibility.Public);
    }
}
