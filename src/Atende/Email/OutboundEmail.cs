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

    /// <summary>The ticket message (an agent's reply) this mail carries, with its attachments; null for other mail.</summary>
    public int? TicketMessageId { get; private set; }
    /// <summary>The mailbox the mail is sent through and from; null: the desk's Atende:Smtp.</summary>
    public int? MailboxId { get; private set; }
    /// <summary>Where the customer's answer should go: the mailbox's reply address with the ticket's token.</summary>
    public string? ReplyTo { get; private set; }
    /// <summary>Sent by the desk on its own (acknowledgement, notification): marked Auto-Submitted so auto-replies stay quiet. An agent's reply is not.</summary>
    public bool Automatic { get; private set; } = true;
    /// <summary>The Message-ID (no brackets), fixed on the first attempt so every retry sends the same one.</summary>
    public string? HeaderMessageId { get; private set; }
    /// <summary>The thread headers, fixed with <see cref="HeaderMessageId"/>: the newest earlier mail of the ticket, and all of them (space-separated, bracketed).</summary>
    public string? InReplyTo { get; private set; }
    public string? References { get; private set; }

    /// <summary>Makes this a mail of a ticket's conversation: through which mailbox, answering to which reply address, carrying which message.</summary>
    public OutboundEmail AboutTicket(int? ticketMessageId, int? mailboxId, string? replyTo, bool automatic)
    {
        TicketMessageId = ticketMessageId;
        MailboxId = mailboxId;
        ReplyTo = replyTo;
        Automatic = automatic;
        return this;
    }

    /// <summary>Fixes the Message-ID and thread headers on the first attempt; later attempts keep them.</summary>
    public void FixHeaders(string messageId, string? inReplyTo, string? references)
    {
        if (HeaderMessageId is not null)
        {
            return;
        }
        HeaderMessageId = messageId;
        InReplyTo = inReplyTo;
        References = references;
    }

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
