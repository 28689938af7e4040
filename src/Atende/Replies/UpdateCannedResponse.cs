using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Replies;

/// <summary>PATCH: only the properties present change.</summary>
public sealed record UpdateCannedResponseRequest
{
    public Optional<string> Title { get; init; }
    public Optional<string> Body { get; init; }
}

/// <summary>Changes the title or body: shared responses by admins, personal ones by their owner.</summary>
public sealed class UpdateCannedResponse(AtendeDb db, TimeProvider clock)
{
    public async Task<CannedResponseView> HandleAsync(int id, UpdateCannedResponseRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var response = await db.CannedResponses.VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"Canned response {id}");
        response.RequireChangeableBy(caller);

        var errors = new ValidationErrors();
        var (title, body) = CannedResponseInput.Validate(
            request.Title.IsSet ? request.Title.Value ?? "" : null,
            request.Body.IsSet ? request.Body.Value ?? "" : null,
            errors, titleRequired: request.Title.IsSet, bodyRequired: request.Body.IsSet);
        errors.ThrowIfAny();

        response.Edit(title ?? response.Title, body ?? response.Body, caller, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return CannedResponseView.Of(response, caller);
    }
}
