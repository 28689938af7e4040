using System.Globalization;
using System.Text.RegularExpressions;

namespace Atende.Email;

/// <summary>
/// The Message-ID of mail the desk sends about a ticket, <c>atende.t1042.e77.k7q2m9x4c8v1b6n3@example.com</c>: the ticket
/// id, the <see cref="OutboundEmail"/> id (the same on every retry, so a mail sent twice after a crash is one mail to the
/// receiver) and a tag, the HMAC of both under the <see cref="MailTokenSecret"/> (as in <see cref="ReplyAddress"/>). A
/// customer's client quotes it in In-Reply-To and References; only an id with a valid tag threads a reply into a
/// ticket, so nobody can file mail into another customer's ticket by inventing References.
/// </summary>
public static partial class OwnMessageId
{
    /// <summary>The id without angle brackets, as MimeKit's MimeMessage.MessageId takes it.</summary>
    public static string For(int ticketId, long emailId, string domain, ReadOnlySpan<byte> secret)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticketId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(emailId);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var ids = Subject(ticketId, emailId);
        return $"atende.t{ticketId.ToString(CultureInfo.InvariantCulture)}.e{emailId.ToString(CultureInfo.InvariantCulture)}.{ReplyAddress.Tag(ids, secret)}@{domain}";
    }

    /// <summary>The ticket an id (with or without angle brackets) belongs to, or null when it is not ours or its tag does not verify.</summary>
    public static int? TicketOf(string? messageId, ReadOnlySpan<byte> secret)
    {
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return null;
        }
        var match = Pattern().Match(messageId.Trim().TrimStart('<').TrimEnd('>'));
        if (!match.Success
            || !int.TryParse(match.Groups["ticket"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId) || ticketId <= 0
            || !long.TryParse(match.Groups["email"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var emailId) || emailId <= 0)
        {
            return null;
        }
        return ReplyAddress.Verifies(Subject(ticketId, emailId), match.Groups["tag"].Value, secret) ? ticketId : null;
    }

    private static string Subject(int ticketId, long emailId) =>
        $"message:{ticketId.ToString(CultureInfo.InvariantCulture)}.{emailId.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^atende\.t(?<ticket>[0-9]{1,9})\.e(?<email>[0-9]{1,18})\.(?<tag>[a-zA-Z2-7]{16})@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
