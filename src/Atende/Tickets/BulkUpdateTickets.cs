using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>
/// POST /tickets/bulk: the same change to up to 100 tickets. Any of assigneeId, teamId (null clears them), status,
/// priority, addTag; or mergeInto alone, which merges every listed ticket into that one.
/// </summary>
public sealed record BulkUpdateTicketsRequest
{
    public IReadOnlyList<int>? Numbers { get; init; }
    public Optional<int?> AssigneeId { get; init; }
    public Optional<int?> TeamId { get; init; }
    public string? Status { get; init; }
    public Priority? Priority { get; init; }
    public string? AddTag { get; init; }
    public int? MergeInto { get; init; }
}

/// <summary>What happened to one ticket of a bulk change: ok, or the reason it was refused.</summary>
public sealed record BulkOutcome(int Number, bool Ok, string? Error);

public sealed record BulkUpdateResult(IReadOnlyList<BulkOutcome> Results)
{
    public int Succeeded => Results.Count(r => r.Ok);
    public int Failed => Results.Count(r => !r.Ok);
}

/// <summary>
/// Applies one change to many tickets, each through <see cref="UpdateTicket"/> (or <see cref="MergeTickets"/>) so the
/// rules, history and events are exactly those of a single change. Tickets succeed or fail one by one: a refused
/// ticket does not undo the others, and the answer says which failed and why.
/// </summary>
public sealed class BulkUpdateTickets(AtendeDb db, UpdateTicket update, MergeTickets merge)
{
    public const int MaxTickets = 100;

    public async Task<BulkUpdateResult> HandleAsync(BulkUpdateTicketsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var numbers = (request.Numbers ?? []).Distinct().ToList();
        if (numbers.Count == 0)
        {
            errors.Add("numbers", "is required.");
        }
        else if (numbers.Count > MaxTickets)
        {
            errors.Add("numbers", $"must have at most {MaxTickets} tickets.");
        }
        var tag = request.AddTag is null ? null : EnsureTags.ValidateName("addTag", request.AddTag, errors);
        var changes = request.AssigneeId.IsSet || request.TeamId.IsSet || request.Status is not null || request.Priority is not null || request.AddTag is not null;
        if (request.MergeInto is not null && changes)
        {
            errors.Add("mergeInto", "cannot be combined with other changes.");
        }
        else if (request.MergeInto is null && !changes)
        {
            errors.Add("body", "says nothing to change: give assigneeId, teamId, status, priority, addTag or mergeInto.");
        }
        errors.ThrowIfAny();

        var results = new List<BulkOutcome>(numbers.Count);
        foreach (var number in numbers)
        {
            try
            {
                if (request.MergeInto is { } into)
                {
                    if (number == into)
                    {
                        continue;
                    }
                    await merge.HandleAsync(number, new MergeTicketsRequest(into), caller, ct);
                }
                else
                {
                    await update.HandleAsync(number, await ChangeFor(number, request, tag, caller, ct), null, caller, ct);
                }
                results.Add(new BulkOutcome(number, true, null));
            }
            catch (Exception e) when (e is BusinessRuleException or NotFoundException or InvalidRequestException or ForbiddenException or PreconditionFailedException)
            {
                results.Add(new BulkOutcome(number, false, Describe(e)));
            }
            finally
            {
                // A refused ticket may leave tracked, half-changed rows; the next ticket must not save them.
                db.ChangeTracker.Clear();
            }
        }
        return new BulkUpdateResult(results);
    }

    private async Task<UpdateTicketRequest> ChangeFor(int number, BulkUpdateTicketsRequest request, string? tag, Caller caller, CancellationToken ct)
    {
        var change = new UpdateTicketRequest
        {
            AssigneeId = request.AssigneeId,
            TeamId = request.TeamId,
            Status = request.Status is null ? default : new Optional<string>(true, request.Status),
            Priority = request.Priority is null ? default : new Optional<Priority?>(true, request.Priority),
        };
        if (tag is not null)
        {
            // UpdateTicket sets the whole tag list; adding one means the current list plus it.
            var current = await db.TicketTags.Where(x => x.TicketId == number && db.Tickets.VisibleTo(caller).Any(t => t.Id == number))
                .Select(x => x.Tag.Name).ToListAsync(ct);
            if (!current.Contains(tag))
            {
                change = change with { Tags = new Optional<IReadOnlyList<string>>(true, [.. current, tag]) };
            }
        }
        return change;
    }

    private static string Describe(Exception e) => e switch
    {
        InvalidRequestException invalid => string.Join(" ", invalid.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")),
        PreconditionFailedException => "The ticket was changed at the same moment; try again.",
        _ => e.Message,
    };
}
