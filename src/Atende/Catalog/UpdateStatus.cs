using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>PATCH: only the properties present change. The key is fixed at creation.</summary>
public sealed record UpdateStatusRequest
{
    public Optional<string> Key { get; init; }
    public Optional<string> Name { get; init; }
    public Optional<StatusCategory?> Category { get; init; }
    public Optional<int?> Position { get; init; }
    public Optional<string> Color { get; init; }
}

/// <summary>
/// Changes a status (admins). A new category also moves every ticket in that status, in the same transaction:
/// queues, SLA clocks and reports filter on the category copied onto each ticket row.
/// </summary>
public sealed class UpdateStatus(AtendeDb db, TimeProvider clock)
{
    public async Task<StatusView> HandleAsync(string key, UpdateStatusRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        CatalogKey.RefuseChange("key", request.Key, key, errors);
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, 100, required: true) : null;
        if (request.Category is { IsSet: true, Value: null })
        {
            errors.Add("category", "cannot be empty.");
        }
        if (request.Position is { IsSet: true, Value: null })
        {
            errors.Add("position", "cannot be empty.");
        }
        errors.Range("position", request.Position.Value, 0, 1_000_000);
        var color = request.Color.IsSet ? TicketStatus.ValidateColor("color", request.Color.Value, errors) : null;
        errors.ThrowIfAny();

        await using var transaction = await db.BeginStatusChangeAsync(ct);
        var all = await db.Statuses.ToListAsync(ct);
        var status = all.FirstOrDefault(s => s.Key == key) ?? throw new NotFoundException($"Status '{key}'");
        if (name is not null)
        {
            status.Rename(name);
        }
        if (request.Position.Value is { } position)
        {
            status.MoveTo(position);
        }
        if (color is not null)
        {
            status.Paint(color);
        }
        var previous = status.Category;
        if (request.Category.Value is { } category && category != previous)
        {
            status.Recategorize(category);
            TicketStatus.RequireWorkflowEnds(all);
        }
        await db.SaveChangesAsync(ct);
        if (status.Category != previous)
        {
            await MoveTicketsAsync(status.Id, previous, status.Category, ct);
        }
        await transaction.CommitAsync(ct);
        return StatusView.Of(status);
    }

    /// <summary>
    /// Set-based, because a status can hold thousands of tickets. Resolution stamps follow the category the way
    /// <c>Ticket.ChangeStatus</c> sets them, and the version moves so every cached ETag of those tickets goes stale.
    /// </summary>
    private async Task MoveTicketsAsync(int statusId, StatusCategory from, StatusCategory to, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Tickets.Where(t => t.StatusId == statusId).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(t => t.StatusCategory, to);
            s.SetProperty(t => t.Version, t => t.Version + 1);
            if (to.IsDone() && !from.IsDone())
            {
                s.SetProperty(t => t.ResolvedAt, t => t.ResolvedAt ?? now);
            }
            else if (!to.IsDone() && from.IsDone())
            {
                s.SetProperty(t => t.ResolvedAt, (DateTime?)null);
            }
        }, ct);
    }
}
