using Atende.Accounts;
using Atende.Catalog;
using Atende.Content;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <param name="Status">A status key to move the ticket to with this message ("reply and set status"), agents only.</param>
public sealed record AddMessageRequest(string? Body, Visibility? Visibility = null, IReadOnlyList<int>? Attachments = null, string? Status = null);

/// <summary>
/// A public reply or an internal note, with the caller's uploads attached. Customers post public replies only.
/// With a status, the message and the status change are saved together: both happen or neither does.
/// </summary>
public sealed class AddMessage(AtendeDb db, TimeProvider clock, AttachFiles attachFiles)
{
    public Task<MessageView> HandleAsync(int number, AddMessageRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => AddAsync(number, request, caller, ct));

    private async Task<MessageView> AddAsync(int number, AddMessageRequest request, Caller caller, CancellationToken ct)
    {
        var tickets = db.Tickets.VisibleTo(caller);
        if (request.Status is not null)
        {
            // The history row names the status the ticket leaves.
            tickets = tickets.Include(t => t.Status);
        }
        var ticket = await tickets.FirstOrDefaultAsync(t => t.Id == number, ct)
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
        TicketStatus? status = null;
        if (request.Status is not null)
        {
            if (!caller.IsStaff)
            {
                errors.Add("status", "only agents can set the status with a message.");
            }
            else
            {
                status = await db.Statuses.FirstOrDefaultAsync(s => s.Key == request.Status, ct);
                if (status is null)
                {
                    errors.Add("status", $"'{request.Status}' is not a status.");
                }
            }
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var message = ticket.AddMessage(new Message(caller, body!, visibility, now), caller, now);
        await attachFiles.HandleAsync(message, request.Attachments, caller, "attachments", ct);
        if (status is not null)
        {
            ticket.ChangeStatus(status, caller, now);
        }
        await db.SaveChangesAsync(ct);
        return ListMessages.ToView(message);
    }
}
