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
        var sla = await SlaAsync(number, row.DueAt, row.ResolvedAt, now, ct);
        return new TicketView(
            row.Id, row.Subject, row.Status, row.Priority, row.Type, row.Channel, row.Requester, row.Organization,
            row.Assignee, row.Team, (await TicketTag.NamesOfAsync(db, [number], ct))[number].Order().ToList(), JsonNode.Parse(row.FieldsJson)!.AsObject(),
            row.CreatedAt, row.UpdatedAt, row.FirstRespondedAt, row.ResolvedAt, row.DueAt,
            sla,
            links, watchers,
            caller.IsStaff ? row.TimeSpentMinutes : 0,
            caller.IsStaff ? row.EstimateMinutes : null,
            Surveys.SatisfactionView.Of(satisfaction?.Score, satisfaction?.Comment, satisfaction?.RatedAt), row.MergedIntoId)
        {
            Version = row.Version,
        };
    }

    private async Task<SlaView> SlaAsync(int number, DateTime? dueAt, DateTime? resolvedAt, DateTime now, CancellationToken ct)
    {
        var targets = await db.SlaTargets.AsNoTracking()
            .Where(t => t.TicketId == number)
            .Select(t => new { t.Kind, t.Cycle, t.PolicyId, t.DueAt, t.AchievedAt, t.BreachedAt, t.RunningSince })
            .ToListAsync(ct);
        if (targets.Count == 0)
        {
            // No policy applies: only a due time set otherwise (none today) can be missed.
            return new SlaView(null, null, dueAt, dueAt is { } due && (resolvedAt ?? now) > due);
        }
        var policyId = targets.Where(t => t.AchievedAt == null && t.PolicyId != null).Select(t => t.PolicyId).FirstOrDefault()
            ?? targets.Where(t => t.PolicyId != null).Select(t => t.PolicyId).FirstOrDefault();
        var policy = policyId is { } id ? await db.SlaPolicies.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var open = targets.Where(t => t.AchievedAt == null).ToList();
        DateTime? Due(Sla.SlaTargetKind kind) =>
            open.Where(t => t.Kind == kind && t.RunningSince != null).OrderByDescending(t => t.Cycle).Select(t => t.DueAt).FirstOrDefault();
        var first = targets.FirstOrDefault(t => t.Kind == Sla.SlaTargetKind.FirstResponse);
        var resolution = targets.FirstOrDefault(t => t.Kind == Sla.SlaTargetKind.Resolution);
        var breached = targets.Any(t => t.BreachedAt != null || (t.AchievedAt == null && t.RunningSince != null && t.DueAt < now));
        return new SlaView(policy, first?.DueAt, resolution?.DueAt ?? dueAt, breached)
        {
            NextResponseDueAt = Due(Sla.SlaTargetKind.NextResponse),
            Paused = open.Count > 0 && open.All(t => t.RunningSince == null),
        };
    }
}
