using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

/// <summary>A rule's most recent firings, newest first (admins).</summary>
public sealed class ListRuleFirings(AtendeDb db)
{
    public const int MaxLimit = 200;

    public async Task<IReadOnlyList<RuleFiringView>> HandleAsync(int id, int? limit, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var size = limit ?? 50;
        if (size is < 1 or > MaxLimit)
        {
            throw InvalidRequestException.For("limit", $"must be between 1 and {MaxLimit}.");
        }
        if (!await db.AutomationRules.AnyAsync(r => r.Id == id, ct))
        {
            throw new NotFoundException($"Automation rule {id}");
        }
        return await db.RuleFirings.AsNoTracking().Where(f => f.RuleId == id).OrderByDescending(f => f.Id).Take(size)
            .Select(f => new RuleFiringView(f.Id, f.RuleId, f.TicketId, f.Event, f.Depth, f.Outcome, f.Detail, f.At))
            .ToListAsync(ct);
    }
}
