using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Atende.Email;

/// <summary>
/// The Reply-To address that carries a ticket number, <c>support+t1042.k7q2m9x4c8v1b6n3@example.com</c>: the
/// mailbox address with "+t", the ticket id, a dot and a tag. The tag is HMAC-SHA256 over "ticket:1042" keyed with
/// the installation's secret, truncated to 80 bits and written in lowercase base32 (16 characters; mail systems
/// may lowercase local parts). Without the secret nobody can make an address that files mail into another ticket,
/// and changing the number breaks the tag.
/// </summary>
public static partial class ReplyAddress
{
    private const int TagBytes = 10;
    private const int MinSecretBytes = 16;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>"support@example.com" and 1042 → "support+t1042.&lt;tag&gt;@example.com". An existing "+detail" is replaced.</summary>
    public static string For(string mailbox, int ticketId, ReadOnlySpan<byte> secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticketId);
        var at = mailbox.LastIndexOf('@');
        if (at <= 0 || at == mailbox.Length - 1)
        {
            throw new ArgumentException("A mailbox address needs a local part and a domain.", nameof(mailbox));
        }
        var local = mailbox[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            local = local[..plus];
        }
        return $"{local}+t{ticketId.ToString(CultureInfo.InvariantCulture)}.{Tag($"ticket:{ticketId.ToString(CultureInfo.InvariantCulture)}", secret)}{mailbox[at..]}";
    }

    /// <summary>The ticket id an address stands for, or null when it has no token or the tag does not verify.</summary>
    public static int? TicketOf(string? address, ReadOnlySpan<byte> secret)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        var match = Token().Match(address.Trim());
        if (!match.Success || !int.TryParse(match.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return null;
        }
        return Verifies($"ticket:{id.ToString(CultureInfo.InvariantCulture)}", match.Groups["tag"].Value, secret) ? id : null;
    }

    /// <summary>Whether <paramref name="tag"/> is the tag of <paramref name="subject"/>, compared in constant time.</summary>
    internal static bool Verifies(string subject, string tag, ReadOnlySpan<byte> secret)
    {
        var expected = Encoding.ASCII.GetBytes(Tag(subject, secret));
        var given = Encoding.ASCII.GetBytes(tag.ToLowerInvariant());
        // Constant time: how far a guess matched must not show in the time the check takes.
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>HMAC-SHA256 of <paramref name="subject"/>, 80 bits in lowercase base32 (16 characters).</summary>
    internal static string Tag(string subject, ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"The reply address secret must be at least {MinSecretBytes} bytes.", nameof(secret));
        }
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(subject), mac);
        return Base32(mac[..TagBytes]);
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^[^@+\s]+\+[tT](?<id>[0-9]{1,9})\.(?<tag>[a-zA-Z2-7]{16})@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}

/// <summary>The ticket tag in subjects, <c>[#1042]</c>: added to outgoing subjects, looked for in incoming ones.</summary>
public static partial class SubjectTag
{
    public static string Of(int ticketId) => $"[#{ticketId.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>"Re: Printer broken [#1042]" → 1042; the first tag when there are several (replies to forwards keep the newest first).</summary>
    public static int? Find(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }
        var match = Tag().Match(subject);
        return match.Success && int.TryParse(match.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    /// <summary>The subject with the ticket's tag at the end, unless it already carries it.</summary>
    public static string AddTo(string subject, int ticketId)
    {
        var tag = Of(ticketId);
        return subject.Contains(tag, StringComparison.Ordinal) ? subject : $"{subject.TrimEnd()} {tag}".TrimStart();
    }

    [GeneratedRegex(@"\[#(?<id>[0-9]{1,9})\]", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
