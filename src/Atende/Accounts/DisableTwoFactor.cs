using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

public sealed record DisableTwoFactorRequest(string? Password);

/// <summary>Turns two-factor off; the password is asked again so a borrowed, unlocked session cannot do it.</summary>
public sealed class DisableTwoFactor(UserManager<UserAccount> users)
{
    public async Task HandleAsync(DisableTwoFactorRequest request, Caller caller, CancellationToken ct)
    {
        var account = await users.FindOwnAccountAsync(caller);
        if (string.IsNullOrEmpty(request.Password) || !await users.CheckPasswordAsync(account, request.Password))
        {
            throw InvalidRequestException.For("password", "is wrong.");
        }
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
    }
}
