using System.Text.RegularExpressions;
using MimeKit;

namespace Atende.Email;

public enum AutomaticMailKind
{
    /// <summary>A message Atende itself sent (our X-Atende-Loop header came back).</summary>
    OwnMail,
    /// <summary>A non-delivery report: the mail we sent did not arrive.</summary>
    Bounce,
    /// <summary>A read receipt (MDN).</summary>
    ReadReceipt,
    /// <summary>An abuse / spam feedback report (ARF).</summary>
    AbuseReport,
    OutOfOffice,
    AutoReply,
    MailingList,
    /// <summary>Newsletters and other bulk mail (Precedence bulk or junk).</summary>
    Bulk,
}

/// <summary>What a bounce says: who could not be reached, the status code, and which message bounced.</summary>
public sealed record BounceReport(IReadOnlyList<string> FailedRecipients, string? Status);

/// <summary>
/// Mail no person wrote: it never opens a ticket and is never answered automatically (RFC 3834), or mail loops
/// between two robots. Classified from headers and content type only, in this order (first match wins):
/// our own <c>X-Atende-Loop</c>; <c>multipart/report</c> (delivery-status → bounce, disposition-notification → read
/// receipt, feedback-report → abuse report); <c>X-Failed-Recipients</c>; a bounce subject from MAILER-DAEMON,
/// postmaster, "Mail Delivery ..." or an empty sender; <c>Auto-Submitted</c> other than "no"; <c>X-Autoreply</c>,
/// <c>X-Autorespond</c>, <c>X-Auto-Response-Suppress</c>, <c>Precedence: auto_reply</c>; an out-of-office subject;
/// <c>Return-Path: &lt;&gt;</c>; <c>Precedence: bulk/junk</c>; <c>Precedence: list</c> or <c>List-Id</c>.
/// </summary>
public sealed partial record AutomaticMail(AutomaticMailKind Kind, string Reason, BounceReport? Bounce = null, string? OriginalMessageId = null)
{
    /// <summary>The header Atende puts on every mail it sends; its value names the installation.</summary>
    public const string LoopHeader = "X-Atende-Loop";

    /// <summary>Null when a person wrote the message.</summary>
    public static AutomaticMail? Classify(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers;
        if (headers.Contains(LoopHeader))
        {
            return new(AutomaticMailKind.OwnMail, LoopHeader);
        }
        var body = message.Body;
        if (body is not null && body.ContentType.IsMimeType("multipart", "report"))
        {
            var reportType = (body.ContentType.Parameters["report-type"] ?? "").Trim().ToLowerInvariant();
            switch (reportType)
            {
                case "delivery-status":
                    return new(AutomaticMailKind.Bounce, "multipart/report; report-type=delivery-status", ReadBounce(message), OriginalId(message));
                case "disposition-notification":
                    return new(AutomaticMailKind.ReadReceipt, "multipart/report; report-type=disposition-notification", null, OriginalId(message));
                case "feedback-report":
                    return new(AutomaticMailKind.AbuseReport, "multipart/report; report-type=feedback-report", null, OriginalId(message));
                default:
                    // An unknown or mangled report-type: the machine-readable part says what the report is.
                    var parts = message.BodyParts.ToList();
                    var kind = parts.OfType<MessageDispositionNotification>().Any() ? AutomaticMailKind.ReadReceipt
                        : parts.OfType<MessageFeedbackReport>().Any() ? AutomaticMailKind.AbuseReport
                        : AutomaticMailKind.Bounce;
                    return new(kind, $"multipart/report; report-type={reportType}", kind == AutomaticMailKind.Bounce ? ReadBounce(message) : null, OriginalId(message));
            }
        }
        if (headers.Contains("X-Failed-Recipients"))
        {
            return new(AutomaticMailKind.Bounce, "X-Failed-Recipients", ReadBounce(message), OriginalId(message));
        }
        var subject = message.Subject ?? "";
        if (IsDaemonSender(message) && BounceSubject().IsMatch(subject))
        {
            return new(AutomaticMailKind.Bounce, "bounce subject from a mail system sender", ReadBounce(message), OriginalId(message));
        }
        var autoSubmitted = headers[HeaderId.AutoSubmitted]?.Trim();
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return Reply(subject, $"Auto-Submitted: {autoSubmitted}");
        }
        foreach (var name in (string[])["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"])
        {
            var value = headers[name]?.Trim();
            if (!string.IsNullOrEmpty(value) && !value.Equals("no", StringComparison.OrdinalIgnoreCase) && !value.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                return Reply(subject, $"{name}: {value}");
            }
        }
        var precedence = headers["Precedence"]?.Trim().ToLowerInvariant();
        if (precedence == "auto_reply")
        {
            return Reply(subject, "Precedence: auto_reply");
        }
        if (OutOfOfficeSubject().IsMatch(subject))
        {
            return new(AutomaticMailKind.OutOfOffice, "out-of-office subject");
        }
        if (headers[HeaderId.ReturnPath] is { } returnPath && EmptyPath().IsMatch(returnPath))
        {
            return Reply(subject, "Return-Path: <>");
        }
        if (precedence is "bulk" or "junk")
        {
            return new(AutomaticMailKind.Bulk, $"Precedence: {precedence}");
        }
        if (precedence == "list")
        {
            return new(AutomaticMailKind.MailingList, "Precedence: list");
        }
        if (headers.Contains(HeaderId.ListId))
        {
            return new(AutomaticMailKind.MailingList, "List-Id");
        }
        return null;
    }

    private static AutomaticMail Reply(string subject, string reason) =>
        new(OutOfOfficeSubject().IsMatch(subject) ? AutomaticMailKind.OutOfOffice : AutomaticMailKind.AutoReply, reason);

    private static bool IsDaemonSender(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null || string.IsNullOrWhiteSpace(from.Address) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }
        var local = from.LocalPart;
        return DaemonLocalPart().IsMatch(local) || DaemonName().IsMatch(from.Name ?? "");
    }

    /// <summary>
    /// Failed recipients and status: from the machine-readable delivery-status part (recipients whose Action is
    /// failed, or all when none says), else X-Failed-Recipients, else "&lt;address&gt;:" lines of the readable text.
    /// </summary>
    private static BounceReport ReadBounce(MimeMessage message)
    {
        var recipients = new List<string>();
        string? status = null;
        foreach (var dsn in message.BodyParts.OfType<MessageDeliveryStatus>())
        {
            var groups = dsn.StatusGroups.Skip(1).ToList();
            var failed = groups.Where(g => g["Action"]?.Trim().Equals("failed", StringComparison.OrdinalIgnoreCase) == true).ToList();
            foreach (var group in failed.Count > 0 ? failed : groups)
            {
                var recipient = Address(group["Final-Recipient"] ?? group["Original-Recipient"]);
                if (recipient is not null && !recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
                {
                    recipients.Add(recipient);
                }
                status ??= StatusCode().Match(group["Status"] ?? "") is { Success: true } m ? m.Value : null;
            }
        }
        foreach (var header in message.Headers.Where(h => h.Field.Equals("X-Failed-Recipients", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var address in header.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!recipients.Contains(address, StringComparer.OrdinalIgnoreCase))
                {
                    recipients.Add(address);
                }
            }
        }
        var text = message.TextBody ?? "";
        if (recipients.Count == 0)
        {
            foreach (Match match in TextRecipient().Matches(text))
            {
                var address = match.Groups["address"].Value;
                if (!recipients.Contains(address, StringComparer.OrdinalIgnoreCase))
                {
                    recipients.Add(address);
                }
            }
        }
        status ??= StatusCode().Match(text) is { Success: true } s ? s.Value : null;
        return new BounceReport(recipients, status);
    }

    /// <summary>"rfc822; someone@example.com" → "someone@example.com".</summary>
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }
        var semicolon = field.IndexOf(';', StringComparison.Ordinal);
        var address = (semicolon >= 0 ? field[(semicolon + 1)..] : field).Trim().Trim('<', '>').Trim();
        return address.Length == 0 ? null : address;
    }

    /// <summary>The Message-ID of the mail that bounced or was read: from the returned message or its headers, or the MDN's Original-Message-ID.</summary>
    private static string? OriginalId(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            switch (part)
            {
                case MessagePart { Message: { } original } when !string.IsNullOrWhiteSpace(original.MessageId):
                    return original.MessageId;
                case MessageDispositionNotification mdn when mdn.Fields["Original-Message-ID"] is { } id && !string.IsNullOrWhiteSpace(id):
                    return id.Trim().Trim('<', '>');
                case MessageFeedbackReport:
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^\s*<\s*>\s*$")]
    private static partial Regex EmptyPath();

    [GeneratedRegex(@"^(mailer-daemon|postmaster|mail-daemon|mailer|bounces?|mdaemon|double-bounce|nobody)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DaemonLocalPart();

    [GeneratedRegex(@"mail delivery|mailer-daemon|postmaster|mail administrator", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DaemonName();

    [GeneratedRegex(@"undeliver|undelivered|delivery (status notification|failure|has failed|failed)|returned mail|failure notice|mail delivery failed|non[- ]?delivery|could not be delivered|delivery problem|nicht zustellbar|unzustellbar|non remis|no se puede entregar|não (foi possível|pôde ser) entregue|mensagem não entregue|devolvid",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BounceSubject();

    // The prefixes Exchange, Gmail, Lotus Notes and webmails put on automatic replies, with their colon: a person's
    // "Out of office next week" subject (an HR request) must still open a ticket.
    [GeneratedRegex(@"^\s*(auto(matic)?[- ]?(reply|response)|out of (the )?office( auto ?reply)?|resposta autom[aá]tica|respuesta autom[aá]tica|r[ée]ponse automatique|automatische antwort|abwesenheitsnotiz|risposta automatica|afwezigheidsmelding|automatiskt svar)\s*[:：]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutOfOfficeSubject();

    [GeneratedRegex(@"\b[245]\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"^\s*<(?<address>[^<>\s@]+@[^<>\s]+)>\s*:?", RegexOptions.Multiline)]
    private static partial Regex TextRecipient();
}
