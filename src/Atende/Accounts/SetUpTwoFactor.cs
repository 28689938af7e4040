using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

/// <summary>The secret to type or scan into an authenticator app, and the otpauth:// address that carries it.</summary>
public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

/// <summary>
/// Starts (or restarts) authenticator setup: a new secret, not yet in force — two-factor turns on only when
/// <see cref="EnableTwoFactor"/> sees a code made from it, so a half-done setup never locks anyone out.
/// </summary>
public sealed class SetUpTwoFactor(UserManager<UserAccount> users)
{
    public async Task<TwoFactorSetup> HandleAsync(Caller caller, CancellationToken ct)
    {
        var account = await users.FindOwnAccountAsync(caller);
        if (account.TwoFactorEnabled)
        {
            throw new BusinessRuleException("Two-factor authentication is already on. Turn it off first to change the authenticator.");
        }
        await users.ResetAuthenticatorKeyAsync(account);
        var key = await users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("No authenticator key was stored.");
        var label = Uri.EscapeDataString($"Atende:{account.Email}");
        return new TwoFactorSetup(FormatKey(key), $"otpauth://totp/{label}?secret={key}&issuer=Atende&digits=6");
    }

    /// <summary>Groups of four are easier to type into a phone.</summary>
    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
