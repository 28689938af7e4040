namespace Atende.Email;

/// <summary>What became of an imported mail.</summary>
public enum ImportResult
{
    CreatedTicket,
    AddedToTicket,
    /// <summary>Automatic or our own mail: nothing was created (a bounce of ours may have left a system note).</summary>
    Ignored,
}

/// <summary>
/// One mail a mailbox imported, keyed by (mailbox, Message-ID) — or the SHA-256 of the raw bytes when it has no
/// Message-ID — with a unique index: the same mail delivered again, or imported by two nodes at once, is recognised and
/// never makes a second ticket or message. It also threads the customer's later mails (which quote this Message-ID)
/// and keeps what "show original" needs: the untrimmed text and the raw message (in the attachment store).
/// </summary>
public sealed class ImportedMail
{
    public const int KeyMaxLength = 500;
    public const int OriginalTextMaxLength = 200_000;

    private ImportedMail() { }

    public ImportedMail(int mailboxId, string key, string? messageId, string rawSha256, long rawSize, DateTime now)
    {
        MailboxId = mailboxId;
        Key = key;
        MessageId = messageId;
        RawSha256 = rawSha256;
        RawSize = rawSize;
        ImportedAt = now;
    }

    public long Id { get; private set; }
    public int MailboxId { get; private set; }
    /// <summary>The Message-ID (without angle brackets) or <c>sha256:</c> and the hex digest of the raw bytes.</summary>
    public string Key { get; private set; } = "";
    /// <summary>The Message-ID, when the mail had one: later mails that quote it thread into <see cref="TicketId"/>.</summary>
    public string? MessageId { get; private set; }
    public ImportResult Result { get; private set; }
    public int? TicketId { get; private set; }
    /// <summary>The Atende message (reply, or the system note of a bounce) the mail became.</summary>
    public int? AtendeMessageId { get; private set; }
    /// <summary>The text before reply trimming, when trimming cut something: "show original".</summary>
    public string? OriginalText { get; private set; }
    public string RawSha256 { get; private set; } = "";
    public long RawSize { get; private set; }
    /// <summary>Why an ignored mail was ignored (the automatic kind and reason).</summary>
    public string? Note { get; private set; }
    public DateTime ImportedAt { get; private set; }

    public void Became(ImportResult result, int? ticketId, Tickets.Message? message, string? originalText, string? note)
    {
        Result = result;
        TicketId = ticketId;
        AtendeMessage = message;
        OriginalText = originalText is { Length: > OriginalTextMaxLength } ? originalText[..OriginalTextMaxLength] : originalText;
        Note = note is { Length: > 500 } ? note[..500] : note;
    }

    /// <summary>Set so EF fills <see cref="AtendeMessageId"/> when the new message and this row are saved together.</summary>
    public Tickets.Message? AtendeMessage { get; private set; }
}

/// <summary>
/// A mail that could not be imported: the exact bytes, the error and the mailbox. Admins see the list, download the
/// raw message and retry it after a fix; a successful retry marks the row resolved with the ticket it became.
/// </summary>
public sealed class FailedMail
{
    public const int ErrorMaxLength = 2000;

    private FailedMail() { }

    public FailedMail(int mailboxId, byte[] raw, string? subject, string? from, string error, DateTime now)
    {
        MailboxId = mailboxId;
        Raw = raw;
        Size = raw.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw));
        Subject = Cut(subject, 500);
        From = Cut(from, 320);
        Error = Cut(error, ErrorMaxLength) ?? "";
        FailedAt = now;
        LastTriedAt = now;
    }

    public int Id { get; private set; }
    public int MailboxId { get; private set; }
    public byte[] Raw { get; private set; } = [];
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string? Subject { get; private set; }
    public string? From { get; private set; }
    public string Error { get; private set; } = "";
    public int Attempts { get; private set; } = 1;
    public DateTime FailedAt { get; private set; }
    public DateTime LastTriedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public int? TicketId { get; private set; }

    public void FailedAgain(string error, DateTime now)
    {
        Error = Cut(error, ErrorMaxLength) ?? "";
        Attempts++;
        LastTriedAt = now;
    }

    public void Resolve(int? ticketId, DateTime now)
    {
        Attempts++;
        LastTriedAt = now;
        ResolvedAt = now;
        TicketId = ticketId;
    }

    private static string? Cut(string? value, int max) => value is { Length: > 0 } v ? (v.Length > max ? v[..max] : v) : null;
}
