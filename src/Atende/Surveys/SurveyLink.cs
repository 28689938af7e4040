using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Atende.Surveys;

/// <summary>
/// What the emailed survey link carries: which ticket, asked of which requester, valid until when. The token is
/// encrypted and authenticated by ASP.NET Data Protection (keys shared by every node through the database), so it
/// cannot be forged or edited into another ticket's link; the expiry inside is checked against the
/// <see cref="TimeProvider"/>, not the wall clock, so tests can travel past it.
/// </summary>
public sealed record SurveyLink(int TicketNumber, int RequesterId, DateTime ExpiresAt)
{
    /// <summary>How long an emailed link works: long enough for a slow inbox, short enough not to live forever.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    // A new purpose string invalidates every link issued under the old one (use it if the format changes).
    private const string Purpose = "Atende.Surveys.SurveyLink.v1";

    public static SurveyLink For(int ticketNumber, int requesterId, DateTime now) => new(ticketNumber, requesterId, now + Lifetime);

    public string Protect(IDataProtectionProvider protection)
    {
        var plain = string.Create(CultureInfo.InvariantCulture, $"{TicketNumber}|{RequesterId}|{ExpiresAt.Ticks}");
        return WebEncoders.Base64UrlEncode(protection.CreateProtector(Purpose).Protect(Encoding.UTF8.GetBytes(plain)));
    }

    /// <summary>The link in <paramref name="token"/>, or null when it was not issued by us (tampered, truncated, foreign).</summary>
    public static SurveyLink? Read(IDataProtectionProvider protection, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024)
        {
            return null;
        }
        try
        {
            var plain = Encoding.UTF8.GetString(protection.CreateProtector(Purpose).Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = plain.Split('|');
            if (parts.Length == 3 &&
                int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) &&
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var requester) &&
                long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) &&
                ticks is >= 0 and <= 3155378975999999999)
            {
                return new SurveyLink(number, requester, new DateTime(ticks, DateTimeKind.Utc));
            }
            return null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public bool IsExpired(DateTime now) => now > ExpiresAt;
}
