using System.Globalization;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Replies;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Macros;

/// <summary>
/// Applies a macro to a ticket as the agent who clicks it: the field changes go through <see cref="UpdateTicket"/> and
/// the reply through <see cref="AddMessage"/> (with the status, as "send and set status" does), so permissions,
/// validation, history and events are exactly those of the agent doing it by hand. One transaction: all or nothing.
/// </summary>
public sealed class ApplyMacro(AtendeDb db, UpdateTicket updateTicket, AddMessage addMessage, GetTicket getTicket)
{
    public async Task<TicketView> HandleAsync(int number, int macroId, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var macro = await db.Macros.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(m => m.Id == macroId, ct)
            ?? throw new NotFoundException($"Macro {macroId}");
        var d = macro.Definition;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ticket = await db.Tickets.AsNoTracking().VisibleTo(caller)
                .Where(t => t.Id == number)
                .Select(t => new { t.Subject, RequesterName = t.Requester.Name })
                .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Ticket #{number}");
            var tags = (await TicketTag.NamesOfAsync(db, [number], ct))[number].ToList();

            var patch = new UpdateTicketRequest();
            if (d.Status is not null && d.ReplyBody is null)
            {
                patch = patch with { Status = d.Status };
            }
            if (d.Priority is not null)
            {
                patch = patch with { Priority = d.Priority };
            }
            if (d.Type is not null)
            {
                patch = patch with { Type = d.Type };
            }
            if (d.TeamId is not null)
            {
                patch = patch with { TeamId = d.TeamId };
            }
            if (d.Assignee is not null)
            {
                patch = patch with { AssigneeId = AssigneeId(d.Assignee, caller) };
            }
            if (d.AddTags.Count > 0 || d.RemoveTags.Count > 0)
            {
                patch = patch with { Tags = tags.Except(d.RemoveTags).Concat(d.AddTags).Distinct().ToList() };
            }
            if (patch != new UpdateTicketRequest())
            {
                await updateTicket.HandleAsync(number, patch, null, caller, ct);
            }
            if (d.ReplyBody is not null)
            {
                var body = CannedResponsePlaceholders.Fill(d.ReplyBody, new Dictionary<string, string>
                {
                    [CannedResponsePlaceholders.TicketNumber] = number.ToString(CultureInfo.InvariantCulture),
                    [CannedResponsePlaceholders.TicketSubject] = ticket.Subject,
                    [CannedResponsePlaceholders.RequesterName] = ticket.RequesterName,
                    [CannedResponsePlaceholders.AgentName] = caller.Name,
                });
                await addMessage.HandleAsync(number, new AddMessageRequest(body, d.ReplyVisibility, null, d.Status), caller, ct);
            }
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return await getTicket.HandleAsync(number, caller, ct);
    }

    private static int? AssigneeId(string assignee, Caller caller) => assignee switch
    {
        Macro.AssignToMe => caller.AgentId ?? throw new ForbiddenException("Only an agent can be assigned a ticket."),
        Macro.Unassign => null,
        _ => int.Parse(assignee, CultureInfo.InvariantCulture),
    };
}
