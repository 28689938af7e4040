using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record UpdateMyPreferencesRequest(string? Language, string? TimeZone);

/// <summary>Language and time zone of the signed-in person (PATCH /api/v1/me): the UI and emails follow them.</summary>
public sealed class UpdateMyPreferences(AtendeDb db, GetMyAccount getMyAccount)
{
    /// <summary>The languages the UI is translated into.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "pt-BR"];

    public async Task<MyAccountView> HandleAsync(UpdateMyPreferencesRequest request, Caller caller, CancellationToken ct)
    {
        var accountId = caller.AccountId ?? throw new ForbiddenException("Only a signed-in person has preferences.");
        var errors = new ValidationErrors();
        var language = request.Language is null ? null : Languages.FirstOrDefault(l => string.Equals(l, request.Language, StringComparison.OrdinalIgnoreCase));
        if (request.Language is not null && language is null)
        {
            errors.Add("language", $"must be one of: {string.Join(", ", Languages)}.");
        }
        string? timeZone = null;
        if (request.TimeZone is not null)
        {
            if (request.TimeZone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out var zone))
            {
                errors.Add("timeZone", "must be an IANA time zone such as America/Sao_Paulo.");
            }
            else
            {
                timeZone = zone.Id;
            }
        }
        errors.ThrowIfAny();

        var account = await db.Users.FirstAsync(u => u.Id == accountId, ct);
        account.Language = language ?? account.Language;
        account.TimeZone = timeZone ?? account.TimeZone;
        await db.SaveChangesAsync(ct);
        return await getMyAccount.HandleAsync(caller, ct);
    }
}
