using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>Which of these messages arrived by mail (so the ticket page offers "show original"), with their ticket. Agents only.</summary>
public sealed class ListMailMessages(AtendeDb db)
{
    public async Task<IReadOnlyDictionary<int, int>> HandleAsync(IReadOnlyList<int> messageIds, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (messageIds.Count == 0)
        {
            return new Dictionary<int, int>();
        }
        var ids = messageIds.Distinct().ToList();
        var rows = await db.ImportedMails.AsNoTracking()
            .Where(m => m.AtendeMessageId != null && ids.Contains(m.AtendeMessageId.Value))
            .Join(db.Messages, m => m.AtendeMessageId, x => x.Id, (m, x) => new { MessageId = x.Id, x.TicketId })
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.MessageId).ToDictionary(r => r.MessageId, r => r.TicketId);
    }
}
