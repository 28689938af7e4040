namespace Atende.Email;

/// <summary>
/// An email waiting to go out (account confirmations, invitations, password resets, surveys; later replies and
/// notifications). It is added in the same transaction as the change that causes it, so a rolled-back change sends
/// nothing; a sender claims queued rows, sends, and stamps <see cref="SentAt"/>.
/// </summary>
public sealed class OutboundEmail
{
    private OutboundEmail() { }

    public OutboundEmail(string kind, string to, string? toName, string language, string subject, string textBody, string? htmlBody,
        int? ticketId, DateTime now)
    {
        Kind = kind;
        To = to;
        ToName = toName;
        Language = language;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        TicketId = ticketId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }
    /// <summary>What the mail is for, such as "account.confirm" or "survey.invite": for logs, tests and the admin list.</summary>
    public string Kind { get; private set; } = "";
    public string To { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Language { get; private set; } = "en";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public int? TicketId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>When a sender may try (again); retries back off.</summary>
    public DateTime NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTime now)
    {
        SentAt = now;
        LastError = null;
    }

    public void RecordFailure(string error, DateTime nextAttemptAt)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = nextAttemptAt;
    }
}
