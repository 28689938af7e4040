using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

public sealed record EnableTwoFactorRequest(string? Code);

/// <summary>One-time recovery codes, shown once, for when the phone with the authenticator is lost.</summary>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

/// <summary>Turns two-factor on after a code from the authenticator proves the secret was copied correctly.</summary>
public sealed class EnableTwoFactor(UserManager<UserAccount> users)
{
    public async Task<RecoveryCodes> HandleAsync(EnableTwoFactorRequest request, Caller caller, CancellationToken ct)
    {
        var account = await users.FindOwnAccountAsync(caller);
        var code = request.Code?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code) || code.Length > 10)
        {
            throw InvalidRequestException.For("code", "is required: the 6 digits the authenticator app shows.");
        }
        if (await users.GetAuthenticatorKeyAsync(account) is null)
        {
            throw new BusinessRuleException("Start the authenticator setup first.");
        }
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            throw InvalidRequestException.For("code", "does not match: check the time on the phone and type the current code.");
        }
        await users.SetTwoFactorEnabledAsync(account, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? [];
        return new RecoveryCodes(codes.ToList());
    }
}
