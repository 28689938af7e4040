using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

/// <summary>The rules the portal's account forms share: password length, language, and spending a mailed token once.</summary>
internal static class PortalAccountRules
{
    public const int MaxLength = 256;

    public static void Validate(string field, string? password, int minLength, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "is required.");
        }
        else if (password.Length < minLength)
        {
            errors.Add(field, $"must be at least {minLength} characters.");
        }
        else if (password.Length > MaxLength)
        {
            errors.Add(field, $"must be at most {MaxLength} characters.");
        }
    }

    public static string Language(string? language, ValidationErrors errors)
    {
        if (language is null)
        {
            return "en";
        }
        var known = UpdateMyPreferences.Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            errors.Add("language", $"must be one of: {string.Join(", ", UpdateMyPreferences.Languages)}.");
        }
        return known ?? "en";
    }

    /// <summary>
    /// Finds a usable token and marks it used in one conditional update, so two nodes (or a double click) cannot
    /// both spend it. Call inside the transaction of the change the token allows.
    /// </summary>
    public static async Task<AccountToken> SpendAsync(AtendeDb db, string? secret, AccountTokenPurpose purpose, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            throw InvalidToken();
        }
        var hash = AccountToken.HashOf(secret.Trim());
        var token = await db.AccountTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose, ct);
        if (token is null || !token.IsUsable(now))
        {
            throw InvalidToken();
        }
        var spent = await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        return spent == 1 ? token : throw InvalidToken();
    }

    public static InvalidRequestException InvalidToken() =>
        InvalidRequestException.For("token", "is invalid, expired or already used. Ask for a new link.");
}
