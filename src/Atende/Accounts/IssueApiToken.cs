using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record IssueApiTokenRequest(string? Email, string? Password, string? Name);

public sealed record IssuedApiToken(string Token, int Id, string Name, DateTime ExpiresAt);

/// <summary>Thrown when sign-in failures for an email hit the throttle (HTTP 429).</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter) : Exception("Too many failed sign-ins. Try again later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Thrown for wrong credentials (HTTP 401): the same answer whether the email exists or not.</summary>
public sealed class InvalidCredentialsException() : Exception("The email or password is wrong.");

/// <summary>Exchanges email and password for a personal access token (POST /api/v1/auth/tokens).</summary>
public sealed class IssueApiToken(AtendeDb db, UserManager<UserAccount> users, LoadCaller loadCaller, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public async Task<IssuedApiToken> HandleAsync(IssueApiTokenRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, required: true);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "is required.");
        }
        else if (request.Password.Length > 256)
        {
            errors.Add("password", "must be at most 256 characters.");
        }
        var name = errors.Text("name", request.Name, 100) ?? "API token";
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var throttle = await db.SignInThrottles.FirstOrDefaultAsync(t => t.Key == email, ct);
        if (throttle is not null && throttle.IsBlocked(now))
        {
            throw new TooManyAttemptsException(throttle.RetryAfter(now));
        }

        var account = await users.FindByEmailAsync(email!);
        // The throttle above is the lockout: one mechanism, counted per email on every node, the same for
        // existing and unknown emails.
        var valid = account is not null
            && await users.CheckPasswordAsync(account, request.Password!)
            && await loadCaller.HandleAsync(account.Id, ct) is not null;
        if (!valid)
        {
            throttle ??= db.SignInThrottles.Add(new SignInThrottle { Key = email!, WindowStartedAt = now }).Entity;
            throttle.RecordFailure(now);
            await db.SaveChangesAsync(ct);
            throw new InvalidCredentialsException();
        }

        if (throttle is not null)
        {
            db.SignInThrottles.Remove(throttle);
        }
        var (token, secret) = ApiToken.Issue(account!.Id, name, now, Lifetime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedApiToken(secret, token.Id, token.Name, token.ExpiresAt);
    }
}
