using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Bytes, string Sha256);

/// <summary>
/// Reads an attachment with the rules of the message it belongs to: the ticket must be visible, and files of
/// internal notes are staff-only. An upload not yet on a message is its uploader's alone.
/// </summary>
public sealed class DownloadAttachment(AtendeDb db, IAttachmentStore store)
{
    public async Task<AttachmentFile> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        var row = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.FileName, a.ContentType, a.Sha256, a.UploadedByAccountId, a.Visibility,
                TicketId = db.Messages.Where(m => m.Id == a.MessageId).Select(m => (int?)m.TicketId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Attachment {id}");

        var allowed = row.TicketId is { } ticketId
            ? (row.Visibility == Visibility.Public || caller.IsStaff) && await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == ticketId, ct)
            : caller.AccountId is not null && row.UploadedByAccountId == caller.AccountId;
        if (!allowed)
        {
            throw new NotFoundException($"Attachment {id}");
        }
        var bytes = await store.ReadAsync(row.Sha256, ct) ?? throw new NotFoundException($"The content of attachment {id}");
        return new AttachmentFile(row.FileName, row.ContentType, bytes, row.Sha256);
    }
}
