using System.Security.Cryptography;
using System.Text;

namespace Atende.Accounts;

/// <summary>A personal access token. Only its SHA-256 is stored; the secret is shown once.</summary>
public sealed class ApiToken
{
    public const string Prefix = "atd_";

    private ApiToken() { }

    public int Id { get; private set; }
    public int AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public static (ApiToken Token, string Secret) Issue(int accountId, string name, DateTime now, TimeSpan lifetime)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            AccountId = accountId,
            Name = name,
            Hash = HashOf(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsableAt(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTime now) => RevokedAt ??= now;

    /// <summary>Writing on every request would turn reads into writes; once a minute is enough to show "last used".</summary>
    public bool MarkUsed(DateTime now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1))
        {
            return false;
        }
        LastUsedAt = now;
        return true;
    }
}
