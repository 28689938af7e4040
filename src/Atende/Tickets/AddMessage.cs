using Atende.Accounts;
using Atende.Content;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record AddMessageRequest(string? Body, Visibility? Visibility = null, IReadOnlyList<int>? Attachments = null);

/// <summary>A public reply or an internal note, with the caller's uploads attached. Customers post public replies only.</summary>
public sealed class AddMessage(AtendeDb db, TimeProvider clock, AttachFiles attachFiles)
{
    public Task<MessageView> HandleAsync(int number, AddMessageRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => AddAsync(number, request, caller, ct));

    private async Task<MessageView> AddAsync(int number, AddMessageRequest request, Caller caller, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(caller).FirstOrDefaultAsync(t => t.Id == number, ct)
            ?? throw new NotFoundException($"Ticket #{number}");
        var errors = new ValidationErrors();
        var body = MarkdownBody.Validate("body", request.Body, errors);
        var visibility = request.Visibility ?? Visibility.Public;
        if (visibility == Visibility.Internal && !caller.IsStaff)
        {
            errors.Add("visibility", "only agents can add internal notes.");
        }
        if (request.Attachments is { Count: > AttachFiles.MaxPerMessage })
        {
            errors.Add("attachments", $"must have at most {AttachFiles.MaxPerMessage} files.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var message = ticket.AddMessage(new Message(caller, body!, visibility, now), caller, now);
        await attachFiles.HandleAsync(message, request.Attachments, caller, "attachments", ct);
        await db.SaveChangesAsync(ct);
        return ListMessages.ToView(message);
    }
}
