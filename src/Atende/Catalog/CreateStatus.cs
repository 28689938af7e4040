using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

public sealed record CreateStatusRequest(string? Key, string? Name, StatusCategory? Category, int? Position = null, string? Color = null);

/// <summary>Adds a status to the workflow (admins). Without a position it goes last.</summary>
public sealed class CreateStatus(AtendeDb db)
{
    public async Task<StatusView> HandleAsync(CreateStatusRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var key = CatalogKey.Validate("key", request.Key, errors);
        var name = errors.Text("name", request.Name, 100, required: true);
        if (request.Category is null)
        {
            errors.Add("category", "is required.");
        }
        errors.Range("position", request.Position, 0, 1_000_000);
        var color = request.Color is null ? TicketStatus.DefaultColor : TicketStatus.ValidateColor("color", request.Color, errors);
        errors.ThrowIfAny();

        await using var transaction = await db.BeginStatusChangeAsync(ct);
        var existing = await db.Statuses.ToListAsync(ct);
        if (existing.Any(s => s.Key == key))
        {
            throw InvalidRequestException.For("key", "is already used by another status.");
        }
        var position = request.Position ?? (existing.Count == 0 ? 10 : existing.Max(s => s.Position) + 10);
        var status = new TicketStatus(key!, name!, request.Category!.Value, position, color!);
        db.Statuses.Add(status);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return StatusView.Of(status);
    }
}
