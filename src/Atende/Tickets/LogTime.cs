using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record LogTimeRequest(int? Minutes, string? Note = null, bool? Billable = null);

public sealed record TimeEntryView(int Id, int Minutes, string? Note, bool Billable, NamedRef Agent, DateTime CreatedAt);

/// <summary>Records time an agent worked on a ticket.</summary>
public sealed class LogTime(AtendeDb db, TimeProvider clock)
{
    public Task<TimeEntryView> HandleAsync(int number, LogTimeRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => LogAsync(number, request, caller, ct));

    private async Task<TimeEntryView> LogAsync(int number, LogTimeRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var agentId = caller.AgentId ?? throw new ForbiddenException("Time is logged by an agent.");
        var ticket = await db.Tickets.VisibleTo(caller).FirstOrDefaultAsync(t => t.Id == number, ct)
            ?? throw new NotFoundException($"Ticket #{number}");
        var errors = new ValidationErrors();
        if (request.Minutes is null)
        {
            errors.Add("minutes", "is required.");
        }
        errors.Range("minutes", request.Minutes, 1, 24 * 60);
        var note = errors.Text("note", request.Note, 2000);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new TimeEntry(agentId, request.Minutes!.Value, note, request.Billable ?? true, now);
        ticket.LogTime(entry, caller, now);
        await db.SaveChangesAsync(ct);
        return new TimeEntryView(entry.Id, entry.Minutes, entry.Note, entry.Billable, new NamedRef(agentId, caller.Name), entry.CreatedAt);
    }
}
