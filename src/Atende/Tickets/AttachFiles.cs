using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>Puts the caller's own, not yet used uploads on a message. Nobody can attach someone else's file.</summary>
public sealed class AttachFiles(AtendeDb db)
{
    public const int MaxPerMessage = 20;

    public Task HandleAsync(Message message, IReadOnlyList<int>? attachmentIds, Caller caller, string field, CancellationToken ct) =>
        AttachAsync(message, (attachmentIds ?? []).Select((id, i) => (id, $"{field}[{i}]")).ToList(), caller, ct);

    /// <summary>Uploads named by a form's file fields: an error names the field that holds the bad id. (Not an overload of
    /// HandleAsync: handlers are registered by finding that one method.)</summary>
    public Task HandleFieldsAsync(Message message, IReadOnlyDictionary<string, int> uploadsByField, Caller caller, CancellationToken ct) =>
        AttachAsync(message, uploadsByField.Select(p => (p.Value, p.Key)).ToList(), caller, ct);

    private async Task AttachAsync(Message message, List<(int Id, string ErrorKey)> wanted, Caller caller, CancellationToken ct)
    {
        if (wanted.Count == 0)
        {
            return;
        }
        var ids = wanted.Select(w => w.Id).Distinct().ToList();
        var accountId = caller.AccountId ?? -1;
        var uploads = await db.Attachments
            .Where(a => ids.Contains(a.Id) && a.MessageId == null && a.Visibility == null && a.UploadedByAccountId == accountId)
            .ToListAsync(ct);
        var errors = new ValidationErrors();
        foreach (var (id, errorKey) in wanted)
        {
            if (uploads.All(u => u.Id != id))
            {
                errors.Add(errorKey, "is not an unused upload of yours.");
            }
        }
        errors.ThrowIfAny();
        foreach (var upload in uploads)
        {
            upload.AttachTo(message);
        }
    }
}
