using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Content;
using Atende.Customers;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record RequesterInput(string? Email, string? Name);

public sealed record OpenTicketRequest(
    string? Subject,
    string? Description,
    RequesterInput? Requester = null,
    string? Type = null,
    Priority? Priority = null,
    IReadOnlyList<string>? Tags = null,
    JsonObject? Fields = null,
    int? TeamId = null,
    int? AssigneeId = null,
    Channel? Channel = null,
    IReadOnlyList<int>? Attachments = null);

/// <summary>
/// Opens a ticket. Customers open their own; agents open on behalf of a requester (created if unknown).
/// The description becomes the first public message, written in the requester's name: it is their request,
/// and it must not count as the team's first response.
/// </summary>
public sealed class OpenTicket(AtendeDb db, TimeProvider clock, FindOrCreateCustomer customers, EnsureTags tags, AttachFiles attachFiles)
{
    public async Task<Ticket> HandleAsync(OpenTicketRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var subject = errors.Text("subject", request.Subject, 250, required: true);
        var description = MarkdownBody.Validate("description", request.Description, errors);
        var tagNames = EnsureTags.Validate("tags", request.Tags, errors);
        string? requesterEmail = null;
        if (caller.IsStaff)
        {
            if (request.Requester is null)
            {
                errors.Add("requester", "is required when an agent opens a ticket.");
            }
            else
            {
                requesterEmail = errors.Email("requester.email", request.Requester.Email, required: true);
                errors.Text("requester.name", request.Requester.Name, 200);
            }
        }
        else
        {
            if (request.Requester is not null)
            {
                errors.Add("requester", "only agents can open tickets on behalf of someone else.");
            }
            if (request.TeamId is not null)
            {
                errors.Add("teamId", "only agents can choose the team.");
            }
            if (request.AssigneeId is not null)
            {
                errors.Add("assigneeId", "only agents can choose the assignee.");
            }
            if (request.Tags is { Count: > 0 })
            {
                errors.Add("tags", "only agents can tag tickets.");
            }
        }
        if (request.Attachments is { Count: > AttachFiles.MaxPerMessage })
        {
            errors.Add("attachments", $"must have at most {AttachFiles.MaxPerMessage} files.");
        }

        // A customer may name only a type the catalog offers them; without a name the desk's default type applies to anyone.
        var staff = caller.IsStaff;
        var type = request.Type is { } typeKey
            ? await db.RequestTypes.Include(t => t.Fields).FirstOrDefaultAsync(t => t.Key == typeKey && t.Active && (staff || t.VisibleToCustomers), ct)
            : await db.RequestTypes.Include(t => t.Fields).Where(t => t.Active).OrderByDescending(t => t.IsDefault).ThenBy(t => t.Position).FirstOrDefaultAsync(ct);
        if (type is null)
        {
            errors.Add("type", request.Type is null ? "no request type is configured." : $"'{request.Type}' is not an active request type.");
        }
        var fields = type?.ValidateFields(request.Fields, null, errors);

        var team = request.TeamId is { } teamId ? await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct) : null;
        if (request.TeamId is not null && team is null)
        {
            errors.Add("teamId", "is not a team.");
        }
        var assignee = request.AssigneeId is { } assigneeId ? await db.Agents.FirstOrDefaultAsync(a => a.Id == assigneeId && a.Active, ct) : null;
        if (request.AssigneeId is not null && assignee is null)
        {
            errors.Add("assigneeId", "is not an active agent.");
        }
        errors.ThrowIfAny();

        // The type's routing fills what the creator left out. A default team is skipped when the creator chose an
        // assignee outside it: their explicit choice wins over a default, rather than failing on the team rule below.
        if (request.TeamId is null && type!.DefaultTeamId is { } defaultTeamId &&
            (assignee is null || await db.TeamMembers.AnyAsync(m => m.TeamId == defaultTeamId && m.AgentId == assignee.Id, ct)))
        {
            team = await db.Teams.FirstOrDefaultAsync(t => t.Id == defaultTeamId, ct);
        }

        if (team is not null && assignee is not null &&
            !await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.AgentId == assignee.Id, ct))
        {
            throw new BusinessRuleException($"{assignee.Name} is not a member of team {team.Name}.");
        }

        var requester = caller.IsStaff
            ? await customers.HandleAsync(requesterEmail!, request.Requester!.Name, ct)
            : await db.Customers.SingleAsync(c => c.Id == caller.CustomerId, ct);
        var status = await db.Statuses.Where(s => s.Category == StatusCategory.New).OrderBy(s => s.Position).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("No status of category New exists; an admin must create one.");
        var now = clock.GetUtcNow().UtcDateTime;
        var channel = request.Channel ?? (caller.IsStaff ? Channel.Api : Channel.Portal);

        var ticket = Ticket.Open(subject!, requester, type!, status, request.Priority ?? type!.DefaultPriority ?? Priority.Normal, channel, fields!.ToJsonString(), caller, now);
        if (tagNames is { Count: > 0 })
        {
            var tagIds = await tags.HandleAsync(tagNames, ct);
            ticket.SetTags(tagIds, tagIds, caller, now);
        }
        ticket.MoveToTeam(team, caller, now);
        ticket.AssignTo(assignee, caller, now);

        var requesterAsAuthor = new Caller(null, null, requester.Id, null, [], requester.OrganizationId, false, requester.Name);
        var message = ticket.AddMessage(new Message(requesterAsAuthor, description!, Visibility.Public, now), requesterAsAuthor, now);
        await attachFiles.HandleAsync(message, request.Attachments, caller, "attachments", ct);
        // A file field holds an upload's id; the file goes on the first message too, or nobody but its uploader
        // could ever download it. An upload also listed in attachments is already there.
        var fieldUploads = type!.Fields
            .Where(f => f.Type == FormFieldType.File && fields![f.Key] is JsonValue)
            .Select(f => (Key: $"fields.{f.Key}", Id: fields![f.Key]!.GetValue<int>()))
            .Where(u => request.Attachments?.Contains(u.Id) != true)
            .DistinctBy(u => u.Id)
            .ToDictionary(u => u.Key, u => u.Id);
        await attachFiles.HandleFieldsAsync(message, fieldUploads, caller, ct);

        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        return ticket;
    }
}
