using Atende.Accounts;
using Atende.Content;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>The conversation of a ticket, oldest first. Customers never receive internal notes.</summary>
public sealed class ListMessages(AtendeDb db)
{
    public async Task<Page<MessageView>> HandleAsync(int number, int? limit, string? cursor, Caller caller, CancellationToken ct)
    {
        var size = limit ?? ListTickets.MaxLimit;
        if (size is < 1 or > ListTickets.MaxLimit)
        {
            throw InvalidRequestException.For("limit", $"must be between 1 and {ListTickets.MaxLimit}.");
        }
        var afterId = cursor is { Length: > 0 } ? PageCursor.Decode(cursor, "messages").Id : 0;
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == number && m.Id > afterId)
            .VisibleTo(caller)
            .Include(m => m.Attachments)
            .OrderBy(m => m.Id)
            .Take(size + 1)
            .ToListAsync(ct);
        return Page<MessageView>.FromOverfetch(messages.Select(ToView).ToList(), size, m => new PageCursor("messages", 0, m.Id));
    }

    public static MessageView ToView(Message m) => new(
        m.Id,
        m.Visibility,
        m.Body,
        MarkdownBody.ToHtml(m.Body),
        new AuthorView(m.AuthorCustomerId is not null ? "customer" : m.AuthorAgentId is not null ? "agent" : "system",
            m.AuthorCustomerId ?? m.AuthorAgentId, m.AuthorName),
        m.CreatedAt,
        m.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.ContentType)).ToList());
}
