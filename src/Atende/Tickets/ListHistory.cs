using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record HistoryView(long Id, DateTime At, AuthorView Actor, int? RuleId, string Field, string? From, string? To);

/// <summary>Every change of a ticket, oldest first. Customers see the changes that concern them, not the team's routing.</summary>
public sealed class ListHistory(AtendeDb db)
{
    private static readonly string[] CustomerFields = ["created", "subject", "status", "resolvedAt", "mergedInto", "priority"];

    public async Task<Page<HistoryView>> HandleAsync(int number, int? limit, string? cursor, Caller caller, CancellationToken ct)
    {
        var size = limit ?? ListTickets.MaxLimit;
        if (size is < 1 or > ListTickets.MaxLimit)
        {
            throw InvalidRequestException.For("limit", $"must be between 1 and {ListTickets.MaxLimit}.");
        }
        var afterId = cursor is { Length: > 0 } ? PageCursor.Decode(cursor, "history").Value : 0;
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        var query = db.TicketHistory.AsNoTracking().Where(h => h.TicketId == number && h.Id > afterId);
        if (!caller.IsStaff)
        {
            query = query.Where(h => CustomerFields.Contains(h.Field));
        }
        var rows = await query.OrderBy(h => h.Id).Take(size + 1)
            .Select(h => new HistoryView(h.Id, h.At,
                new AuthorView(h.ActorCustomerId != null ? "customer" : h.ActorAgentId != null ? "agent" : h.RuleId != null ? "rule" : "system",
                    h.ActorCustomerId ?? h.ActorAgentId, h.ActorName),
                h.RuleId, h.Field, h.From, h.To))
            .ToListAsync(ct);
        return Page<HistoryView>.FromOverfetch(rows, size, x => new PageCursor("history", x.Id, 0));
    }
}
