using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>Reads one ticket the caller may see.</summary>
public sealed class GetTicket(AtendeDb db, TimeProvider clock)
{
    public async Task<TicketView> HandleAsync(int number, Caller caller, CancellationToken ct)
    {
        var row = await db.Tickets.AsNoTracking()
            .VisibleTo(caller)
            .Where(t => t.Id == number)
            .Select(t => new
            {
                t.Id,
                t.Subject,
                Status = new StatusRef(t.Status.Key, t.Status.Name, t.Status.Category),
                t.Priority,
                Type = new TypeRef(t.RequestType.Key, t.RequestType.Name),
                t.Channel,
                Requester = new PersonRef(t.Requester.Id, t.Requester.Name, t.Requester.Email),
                Organization = t.Organization == null ? null : new NamedRef(t.Organization.Id, t.Organization.Name),
                Assignee = t.Assignee == null ? null : new NamedRef(t.Assignee.Id, t.Assignee.Name),
                Team = t.Team == null ? null : new NamedRef(t.Team.Id, t.Team.Name),
                Tags = t.Tags.Select(x => x.Tag.Name).ToList(),
                t.FieldsJson,
                t.CreatedAt,
                t.UpdatedAt,
                t.FirstRespondedAt,
                t.ResolvedAt,
                t.DueAt,
                t.TimeSpentMinutes,
                t.EstimateMinutes,
                t.MergedIntoId,
                t.Version,
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Ticket #{number}");

        var links = await db.TicketLinks.AsNoTracking()
            .Where(l => l.TicketId == number)
            .OrderBy(l => l.LinkedTicketId)
            .Select(l => new LinkView(l.Kind, l.LinkedTicketId))
            .ToListAsync(ct);
        // Watchers and worked time are the team's business, not the customer's.
        var watchers = caller.IsStaff
            ? await db.TicketWatchers.AsNoTracking()
                .Where(w => w.TicketId == number)
                .Join(db.Agents, w => w.AgentId, a => a.Id, (w, a) => new NamedRef(a.Id, a.Name))
                .ToListAsync(ct)
            : [];

        // The requester's answer is part of the ticket for everyone who may see it (a survey offered but not answered is not).
        var satisfaction = await db.SatisfactionRatings.AsNoTracking()
            .Where(r => r.TicketId == number && r.Score != null)
            .Select(r => new { r.Score, r.Comment, r.RatedAt })
            .FirstOrDefaultAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var breached = row.DueAt is { } due && (row.ResolvedAt ?? now) > due;
        return new TicketView(
            row.Id, row.Subject, row.Status, row.Priority, row.Type, row.Channel, row.Requester, row.Organization,
            row.Assignee, row.Team, row.Tags.Order().ToList(), JsonNode.Parse(row.FieldsJson)!.AsObject(),
            row.CreatedAt, row.UpdatedAt, row.FirstRespondedAt, row.ResolvedAt, row.DueAt,
            new SlaView(null, null, row.DueAt, breached),
            links, watchers,
            caller.IsStaff ? row.TimeSpentMinutes : 0,
            caller.IsStaff ? row.EstimateMinutes : null,
            Surveys.SatisfactionView.Of(satisfaction?.Score, satisfaction?.Comment, satisfaction?.RatedAt), row.MergedIntoId)
        {
            Version = row.Version,
        };
    }
}
