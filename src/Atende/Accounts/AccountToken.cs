using System.Security.Cryptography;
using System.Text;

namespace Atende.Accounts;

public enum AccountTokenPurpose
{
    /// <summary>Open sign-up: proves the mailbox before the account exists.</summary>
    ConfirmEmail,
    /// <summary>An agent invited a known customer to the portal: the link lets them choose a password.</summary>
    Invitation,
    /// <summary>Forgotten password.</summary>
    ResetPassword,
}

/// <summary>
/// A link sent by email (confirm, invitation, reset). Only the SHA-256 of the secret is stored, so a copy of the
/// database cannot be used to take accounts over; each token expires and works once.
/// </summary>
public sealed class AccountToken
{
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    private AccountToken() { }

    public long Id { get; private set; }
    public string Hash { get; private set; } = "";
    public AccountTokenPurpose Purpose { get; private set; }
    public string Email { get; private set; } = "";
    /// <summary>Reset: the account. Sign-up and invitation create the account when the link is used.</summary>
    public int? AccountId { get; private set; }
    public int? CustomerId { get; private set; }
    /// <summary>Sign-up: the name given on the form, used when the customer is created at confirmation.</summary>
    public string? Name { get; private set; }
    /// <summary>
    /// Sign-up: the hash of the password typed on the form. It travels with this token, so whoever confirms the
    /// mailbox gets the password of the sign-up they asked for, not one a stranger typed for the same address.
    /// </summary>
    public string? PasswordHash { get; private set; }
    public string Language { get; private set; } = "en";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    public static (AccountToken Token, string Secret) Issue(AccountTokenPurpose purpose, string email, string language, DateTime now,
        int? accountId = null, int? customerId = null, string? name = null, string? passwordHash = null)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var lifetime = purpose switch
        {
            AccountTokenPurpose.ConfirmEmail => ConfirmLifetime,
            AccountTokenPurpose.Invitation => InvitationLifetime,
            _ => ResetLifetime,
        };
        return (new AccountToken
        {
            Hash = HashOf(secret),
            Purpose = purpose,
            Email = email,
            AccountId = accountId,
            CustomerId = customerId,
            Name = name,
            PasswordHash = passwordHash,
            Language = language,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsable(DateTime now) => UsedAt is null && now < ExpiresAt;
}
