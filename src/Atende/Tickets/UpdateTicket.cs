using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Portal;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>PATCH: only the properties present change; null clears the ones that can be empty.</summary>
public sealed record UpdateTicketRequest
{
    public Optional<string> Subject { get; init; }
    public Optional<string> Status { get; init; }
    public Optional<Priority?> Priority { get; init; }
    public Optional<string> Type { get; init; }
    public Optional<IReadOnlyList<string>> Tags { get; init; }
    public Optional<JsonObject> Fields { get; init; }
    public Optional<int?> TeamId { get; init; }
    public Optional<int?> AssigneeId { get; init; }
    public Optional<int?> EstimateMinutes { get; init; }
}

/// <summary>
/// Changes a ticket. Agents change anything; a customer may only close their own ticket or reopen it.
/// With If-Match, a stale version is refused (412) instead of silently overwriting a colleague's change.
/// </summary>
public sealed class UpdateTicket(AtendeDb db, TimeProvider clock, EnsureTags ensureTags, GetPortalSettings portalSettings)
{
    /// <summary>
    /// Without If-Match the caller asked for "set these fields", so a concurrent change elsewhere on the ticket is
    /// re-read and the request re-applied. With If-Match, losing that race means the caller's version is stale: 412.
    /// </summary>
    public Task HandleAsync(int number, UpdateTicketRequest request, string? ifMatch, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => UpdateAsync(number, request, ifMatch, caller, ct));

    private async Task<bool> UpdateAsync(int number, UpdateTicketRequest request, string? ifMatch, Caller caller, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(caller)
            .Include(t => t.Status).Include(t => t.RequestType).ThenInclude(r => r.Fields)
            .Include(t => t.Assignee).Include(t => t.Team).Include(t => t.Tags).ThenInclude(t => t.Tag)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == number, ct)
            ?? throw new NotFoundException($"Ticket #{number}");

        if (ifMatch is { Length: > 0 } && !ETagMatches(ifMatch, ticket.ETag))
        {
            throw new PreconditionFailedException("");
        }

        var errors = new ValidationErrors();
        if (!caller.IsStaff)
        {
            RefuseCustomerFields(request, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;

        string? subject = null;
        if (request.Subject.IsSet)
        {
            subject = errors.Text("subject", request.Subject.Value, 250, required: true);
        }
        TicketStatus? status = null;
        if (request.Status.IsSet)
        {
            status = await db.Statuses.FirstOrDefaultAsync(s => s.Key == request.Status.Value, ct);
            if (status is null)
            {
                errors.Add("status", $"'{request.Status.Value}' is not a status.");
            }
            else if (!caller.IsStaff)
            {
                var reopenDays = (await portalSettings.HandleAsync(ct)).ReopenDays;
                CheckCustomerStatusChange(ticket, status, caller, reopenDays, now, errors);
            }
        }
        if (request.Priority.IsSet && request.Priority.Value is null)
        {
            errors.Add("priority", "cannot be empty.");
        }
        var type = ticket.RequestType;
        if (request.Type.IsSet)
        {
            type = await db.RequestTypes.Include(r => r.Fields).FirstOrDefaultAsync(r => r.Key == request.Type.Value && r.Active, ct)!;
            if (type is null)
            {
                errors.Add("type", $"'{request.Type.Value}' is not an active request type.");
            }
        }
        JsonObject? fields = null;
        if (type is not null && (request.Fields.IsSet || type.Id != ticket.RequestTypeId))
        {
            // On a type change, values the new form does not have are dropped; the history keeps them.
            var current = JsonNode.Parse(ticket.FieldsJson)!.AsObject();
            if (type.Id != ticket.RequestTypeId)
            {
                foreach (var key in current.Select(p => p.Key).Where(k => type.Fields.All(f => f.Key != k)).ToList())
                {
                    current.Remove(key);
                }
            }
            fields = type.ValidateFields(request.Fields.IsSet ? request.Fields.Value : null, current, errors);
        }
        var tagNames = request.Tags.IsSet ? EnsureTags.Validate("tags", request.Tags.Value ?? [], errors) : null;
        var team = ticket.Team;
        if (request.TeamId is { IsSet: true, Value: { } teamId })
        {
            team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct);
            if (team is null)
            {
                errors.Add("teamId", "is not a team.");
            }
        }
        else if (request.TeamId.IsSet)
        {
            team = null;
        }
        var assignee = ticket.Assignee;
        if (request.AssigneeId is { IsSet: true, Value: { } assigneeId })
        {
            assignee = await db.Agents.FirstOrDefaultAsync(a => a.Id == assigneeId && a.Active, ct);
            if (assignee is null)
            {
                errors.Add("assigneeId", "is not an active agent.");
            }
        }
        else if (request.AssigneeId.IsSet)
        {
            assignee = null;
        }
        if (request.EstimateMinutes.IsSet)
        {
            errors.Range("estimateMinutes", request.EstimateMinutes.Value, 0, 1_000_000);
        }
        errors.ThrowIfAny();

        if (team is not null && assignee is not null && (request.TeamId.IsSet || request.AssigneeId.IsSet) &&
            !await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.AgentId == assignee.Id, ct))
        {
            throw new BusinessRuleException($"{assignee.Name} is not a member of team {team.Name}.");
        }

        if (subject is not null)
        {
            ticket.Rename(subject, caller, now);
        }
        if (status is not null)
        {
            ticket.ChangeStatus(status, caller, now);
        }
        if (request.Priority is { IsSet: true, Value: { } priority })
        {
            ticket.ChangePriority(priority, caller, now);
        }
        if (type is not null && fields is not null)
        {
            ticket.ChangeType(type, fields.ToJsonString(), caller, now);
        }
        if (tagNames is not null)
        {
            var wanted = await ensureTags.HandleAsync(tagNames, ct);
            ticket.SetTags(wanted, ticket.Tags.ToDictionary(t => t.TagId, t => t.Tag.Name), caller, now);
        }
        if (request.TeamId.IsSet)
        {
            ticket.MoveToTeam(team, caller, now);
        }
        if (request.AssigneeId.IsSet)
        {
            ticket.AssignTo(assignee, caller, now);
        }
        if (request.EstimateMinutes.IsSet)
        {
            ticket.Estimate(request.EstimateMinutes.Value, caller, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (ifMatch is { Length: > 0 })
        {
            throw new PreconditionFailedException("");
        }
        return true;
    }

    public static bool ETagMatches(string ifMatch, string etag) =>
        ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || candidate == etag || candidate == "W/" + etag);

    private static void RefuseCustomerFields(UpdateTicketRequest request, ValidationErrors errors)
    {
        const string message = "only agents can change this.";
        if (request.Subject.IsSet) { errors.Add("subject", message); }
        if (request.Priority.IsSet) { errors.Add("priority", message); }
        if (request.Type.IsSet) { errors.Add("type", message); }
        if (request.Tags.IsSet) { errors.Add("tags", message); }
        if (request.Fields.IsSet) { errors.Add("fields", message); }
        if (request.TeamId.IsSet) { errors.Add("teamId", message); }
        if (request.AssigneeId.IsSet) { errors.Add("assigneeId", message); }
        if (request.EstimateMinutes.IsSet) { errors.Add("estimateMinutes", message); }
    }

    /// <summary>Customers close their own requests, or reopen them; the rest of the workflow is the team's.</summary>
    private static void CheckCustomerStatusChange(Ticket ticket, TicketStatus status, Caller caller, int reopenDays, DateTime now, ValidationErrors errors)
    {
        if (ticket.RequesterId != caller.CustomerId)
        {
            errors.Add("status", "only the requester can close or reopen this ticket.");
        }
        else if (status.Category == StatusCategory.Closed)
        {
            return;
        }
        else if (ticket.StatusCategory.IsDone() && status.Category is StatusCategory.New or StatusCategory.Open)
        {
            if (ticket.RequesterMayReopenUntil(reopenDays) is not { } until || now > until)
            {
                throw new BusinessRuleException(ticket.MergedIntoId is not null
                    ? "This request was merged into another one; follow that one instead."
                    : $"This request was resolved more than {reopenDays} days ago and can no longer be reopened; open a new request.");
            }
        }
        else
        {
            errors.Add("status", "customers can only close a ticket, or reopen a resolved or closed one.");
        }
    }
}
