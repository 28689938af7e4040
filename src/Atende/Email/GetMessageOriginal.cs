using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <param name="Text">The text before quotes and signature were trimmed; null when nothing was trimmed (the message is all of it).</param>
/// <param name="RawSize">The size of the raw message, downloadable as .eml.</param>
public sealed record MessageOriginalView(int MessageId, string? Text, long RawSize, DateTime ImportedAt);

/// <summary>"Show original" of a message that arrived by mail: the untrimmed text and the raw message's size. Agents only.</summary>
public sealed class GetMessageOriginal(AtendeDb db)
{
    public async Task<MessageOriginalView> HandleAsync(int ticketNumber, int messageId, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return await (await Originals.OfAsync(db, ticketNumber, messageId, caller, ct))
            .Select(m => new MessageOriginalView(messageId, m.OriginalText, m.RawSize, m.ImportedAt))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"The original mail of message {messageId} on ticket #{ticketNumber}");
    }
}

/// <summary>The raw message (.eml, message/rfc822) a message was imported from, exactly as it arrived. Agents only.</summary>
public sealed class DownloadMessageOriginal(AtendeDb db, IAttachmentStore store)
{
    public async Task<RawMail> HandleAsync(int ticketNumber, int messageId, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var sha = await (await Originals.OfAsync(db, ticketNumber, messageId, caller, ct)).Select(m => m.RawSha256).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"The original mail of message {messageId} on ticket #{ticketNumber}");
        var bytes = await store.ReadAsync(sha, ct) ?? throw new NotFoundException($"The raw mail of message {messageId}");
        return new RawMail($"message-{messageId}.eml", bytes);
    }
}

internal static class Originals
{
    /// <summary>The import record of a message the caller can see: on a ticket visible to them, of that ticket.</summary>
    public static async Task<IQueryable<ImportedMail>> OfAsync(AtendeDb db, int ticketNumber, int messageId, Caller caller, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == ticketNumber, ct))
        {
            throw new NotFoundException($"Ticket #{ticketNumber}");
        }
        return db.ImportedMails.AsNoTracking()
            .Where(m => m.AtendeMessageId == messageId && db.Messages.Any(x => x.Id == messageId && x.TicketId == ticketNumber));
    }
}
