using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Replies;

public sealed record CreateCannedResponseRequest(string? Title, string? Body, bool? Shared = null);

/// <summary>Adds a canned response: a personal one (any agent), or a shared one for the whole desk (admins).</summary>
public sealed class CreateCannedResponse(AtendeDb db, TimeProvider clock)
{
    public async Task<CannedResponseView> HandleAsync(CreateCannedResponseRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var (title, body) = CannedResponseInput.Validate(request.Title, request.Body, errors);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var response = request.Shared == true
            ? CannedResponse.Shared(title!, body!, caller, now)
            : CannedResponse.Personal(title!, body!, caller, now);
        db.CannedResponses.Add(response);
        await db.SaveChangesAsync(ct);
        return CannedResponseView.Of(response, caller);
    }
}
