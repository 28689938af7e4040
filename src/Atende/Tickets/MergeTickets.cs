using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record MergeTicketsRequest(int? Into);

/// <summary>Merges a duplicate into another ticket (agents only; both must be visible to the agent).</summary>
public sealed class MergeTickets(AtendeDb db, TimeProvider clock)
{
    public async Task HandleAsync(int number, MergeTicketsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (request.Into is not { } into)
        {
            throw InvalidRequestException.For("into", "is required.");
        }
        var tickets = await db.Tickets.VisibleTo(caller)
            .Include(t => t.Status).Include(t => t.Watchers)
            .Where(t => t.Id == number || t.Id == into)
            .ToListAsync(ct);
        var source = tickets.FirstOrDefault(t => t.Id == number) ?? throw new NotFoundException($"Ticket #{number}");
        var target = tickets.FirstOrDefault(t => t.Id == into) ?? throw InvalidRequestException.For("into", $"ticket #{into} was not found.");
        var closed = await db.Statuses.Where(s => s.Category == StatusCategory.Closed).OrderBy(s => s.Position).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("No status of category Closed exists; an admin must create one.");

        var now = clock.GetUtcNow().UtcDateTime;
        source.MergeInto(target, closed, caller, now);
        await LinkTickets.UpsertAsync(db, source.Id, target.Id, LinkKind.Duplicates, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("One of the tickets was changed at the same moment; try again.");
        }
    }
}
