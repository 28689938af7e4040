using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

/// <summary>Thrown when sign-in failures for an email hit the throttle (HTTP 429).</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter) : Exception("Too many failed sign-ins. Try again later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Thrown for wrong credentials (HTTP 401): the same answer whether the email exists or not.</summary>
public sealed class InvalidCredentialsException() : Exception("The email or password is wrong.");

/// <summary>Thrown when the password was right but the account has two-factor on and no code came (HTTP 401).</summary>
public sealed class TwoFactorCodeRequiredException() : Exception("This account uses two-factor authentication: send the code from the authenticator app.");

/// <summary>
/// Email, password and (when the account has it on) the authenticator code, checked once for the sign-in page and
/// the token endpoint alike. The throttle is the lockout: one mechanism, counted per email on every node, the same
/// for existing and unknown emails. A wrong code counts as a failure too, so codes cannot be guessed.
/// </summary>
public sealed class CheckCredentials(AtendeDb db, UserManager<UserAccount> users, LoadCaller loadCaller, TimeProvider clock)
{
    public async Task<UserAccount> HandleAsync(string? email, string? password, string? code, ValidationErrors errors, CancellationToken ct)
    {
        var normalized = errors.Email("email", email, required: true);
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "is required.");
        }
        else if (password.Length > 256)
        {
            errors.Add("password", "must be at most 256 characters.");
        }
        if (code is { Length: > 20 })
        {
            errors.Add("code", "must be at most 20 characters.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var throttle = await db.SignInThrottles.FirstOrDefaultAsync(t => t.Key == normalized, ct);
        if (throttle is not null && throttle.IsBlocked(now))
        {
            throw new TooManyAttemptsException(throttle.RetryAfter(now));
        }

        var account = await users.FindByEmailAsync(normalized!);
        var valid = account is not null
            && await users.CheckPasswordAsync(account, password!)
            && await loadCaller.HandleAsync(account.Id, ct) is not null;
        if (valid && account!.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                // The password was right: not a failure yet, the person has to type the code.
                throw new TwoFactorCodeRequiredException();
            }
            var typed = code.Replace(" ", "", StringComparison.Ordinal);
            // A recovery code (longer, one use) stands in for a lost phone.
            valid = await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, typed)
                || (typed.Length > 6 && (await users.RedeemTwoFactorRecoveryCodeAsync(account, typed)).Succeeded);
        }
        if (!valid)
        {
            throttle ??= db.SignInThrottles.Add(new SignInThrottle { Key = normalized!, WindowStartedAt = now }).Entity;
            throttle.RecordFailure(now);
            await db.SaveChangesAsync(ct);
            throw new InvalidCredentialsException();
        }
        if (throttle is not null)
        {
            db.SignInThrottles.Remove(throttle);
            await db.SaveChangesAsync(ct);
        }
        return account!;
    }
}
