using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>Puts the caller's own, not yet used uploads on a message. Nobody can attach someone else's file.</summary>
public sealed class AttachFiles(AtendeDb db)
{
    public const int MaxPerMessage = 20;

    public async Task HandleAsync(Message message, IReadOnlyList<int>? attachmentIds, Caller caller, string field, CancellationToken ct)
    {
        if (attachmentIds is not { Count: > 0 })
        {
            return;
        }
        var ids = attachmentIds.Distinct().ToList();
        var accountId = caller.AccountId ?? -1;
        var uploads = await db.Attachments
            .Where(a => ids.Contains(a.Id) && a.MessageId == null && a.Visibility == null && a.UploadedByAccountId == accountId)
            .ToListAsync(ct);
        var errors = new ValidationErrors();
        for (var i = 0; i < attachmentIds.Count; i++)
        {
            if (uploads.All(u => u.Id != attachmentIds[i]))
            {
                errors.Add($"{field}[{i}]", "is not an unused upload of yours.");
            }
        }
        errors.ThrowIfAny();
        foreach (var upload in uploads)
        {
            upload.AttachTo(message);
        }
    }
}
