using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record LinkTicketsRequest(int? Number, LinkKind? Kind);

/// <summary>Links two tickets (relates, parent/child, duplicate, cause). Stored from both ends.</summary>
public sealed class LinkTickets(AtendeDb db, TimeProvider clock)
{
    public Task HandleAsync(int number, LinkTicketsRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => LinkAsync(number, request, caller, ct));

    private async Task<bool> LinkAsync(int number, LinkTicketsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        if (request.Number is null)
        {
            errors.Add("number", "is required.");
        }
        else if (request.Number == number)
        {
            errors.Add("number", "a ticket cannot be linked to itself.");
        }
        errors.ThrowIfAny();
        var other = request.Number!.Value;
        var visible = await db.Tickets.VisibleTo(caller).Where(t => t.Id == number || t.Id == other).ToListAsync(ct);
        var ticket = visible.FirstOrDefault(t => t.Id == number) ?? throw new NotFoundException($"Ticket #{number}");
        var linked = visible.FirstOrDefault(t => t.Id == other) ?? throw InvalidRequestException.For("number", $"ticket #{other} was not found.");
        var kind = request.Kind ?? LinkKind.Relates;
        var now = clock.GetUtcNow().UtcDateTime;

        await UpsertAsync(db, number, other, kind, now, ct);
        ticket.NoteLink(null, $"{kind.ToString().ToLowerInvariant()} #{other}", caller, now);
        linked.NoteLink(null, $"{kind.Inverse().ToString().ToLowerInvariant()} #{number}", caller, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Creates or re-kinds the link in both directions (one pair of rows per two tickets).</summary>
    internal static async Task UpsertAsync(AtendeDb db, int from, int to, LinkKind kind, DateTime now, CancellationToken ct)
    {
        var rows = await db.TicketLinks
            .Where(l => (l.TicketId == from && l.LinkedTicketId == to) || (l.TicketId == to && l.LinkedTicketId == from))
            .ToListAsync(ct);
        Put(from, to, kind);
        Put(to, from, kind.Inverse());

        void Put(int a, int b, LinkKind k)
        {
            var row = rows.FirstOrDefault(r => r.TicketId == a && r.LinkedTicketId == b);
            if (row is null)
            {
                db.TicketLinks.Add(new TicketLink { TicketId = a, LinkedTicketId = b, Kind = k, CreatedAt = now });
            }
            else
            {
                row.Kind = k;
            }
        }
    }
}
