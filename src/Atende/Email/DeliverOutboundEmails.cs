using Atende.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Atende.Tickets;
using Microsoft.AspNetCore.DataProtection;
using MimeKit;

namespace Atende.Email;

/// <summary>
/// Sends due <see cref="OutboundEmail"/> rows through SMTP, one connection per batch and account (a ticket's mailbox
/// with its own SMTP server, else the desk's Atende:Smtp). Safe with several nodes: a
/// batch is claimed with a lease (NextAttemptAt moved past the send) in one UPDATE (FOR UPDATE SKIP LOCKED on PostgreSQL, the single writer lock on
/// SQLite), so two nodes never hold the same row. A failure is retried with exponential backoff; after
/// <see cref="MaxAttempts"/> the row is parked with its last error. A row marked sent is never sent again; a node
/// that dies between sending and marking lets the lease expire and the mail goes once more with the same
/// Message-Id, which receiving servers and clients use to drop the duplicate.
/// </summary>
public sealed partial class DeliverOutboundEmails(AtendeDb db, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<DeliverOutboundEmails> logger,
    MailTokenSecret secret, IAttachmentStore attachments, IDataProtectionProvider protection)
{
    public const int MaxAttempts = 8;
    private const int BatchSize = 20;
    /// <summary>How many of a ticket's earlier Message-IDs go into References (the newest ones).</summary>
    private const int MaxReferences = 20;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly DateTime Parked = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One claim-and-send round; returns how many emails were sent.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var desk = options.Value;
        var ids = await ClaimAsync(desk.IsConfigured, ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        var emails = await db.OutboundEmails.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var mailboxIds = emails.Where(e => e.MailboxId is not null).Select(e => e.MailboxId!.Value).Distinct().ToList();
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => mailboxIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var sent = 0;
        // One connection per account: the ticket's mailbox when it has its own SMTP server, else the desk's.
        foreach (var group in emails.GroupBy(e => e.MailboxId is { } id && mailboxes.TryGetValue(id, out var m) && !string.IsNullOrWhiteSpace(m.OutboundHost) ? id : 0))
        {
            var mailbox = group.Key == 0 ? null : mailboxes[group.Key];
            sent += await SendAsync([.. group], mailbox, desk, mailboxes, ct);
        }
        return sent;
    }

    private async Task<int> SendAsync(List<OutboundEmail> emails, Mailbox? account, SmtpOptions desk, IReadOnlyDictionary<int, Mailbox> mailboxes, CancellationToken ct)
    {
        var smtp = account is null ? desk : new SmtpOptions
        {
            Host = account.OutboundHost,
            Port = account.OutboundPort,
            Security = account.OutboundSecurity switch
            {
                MailSecurity.None => SmtpSecurity.None,
                MailSecurity.Ssl => SmtpSecurity.SslOnConnect,
                MailSecurity.StartTls => SmtpSecurity.StartTls,
                _ => SmtpSecurity.Auto,
            },
            Username = account.OutboundUsername,
            // Decrypted only here, for the login; never logged or kept.
            Password = account.ProtectedOutboundPassword is null ? null : account.OutboundPassword(protection),
            From = account.Address,
        };
        var sent = 0;
        SmtpClient client;
        try
        {
            client = await MailConnection.SmtpAsync(smtp.Host!, smtp.Port, smtp.SocketOptions, smtp.Username, smtp.Password, ConnectTimeout, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogConnectFailed(logger, smtp.Host!, smtp.Port, e);
            foreach (var email in emails)
            {
                Failed(email, e);
            }
            await db.SaveChangesAsync(CancellationToken.None);
            return 0;
        }
        using var connected = client;
        var key = await secret.GetAsync(db, ct);
        foreach (var email in emails)
        {
            try
            {
                var from = Sender(email, desk, mailboxes);
                if (email.HeaderMessageId is null)
                {
                    await FixHeadersAsync(email, from, key, ct);
                    // Saved before the send: a retry after a crash sends the same Message-ID and thread headers.
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                await client.SendAsync(await ToMimeAsync(email, from, ct), ct);
                email.MarkSent(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogSendFailed(logger, email.Id, email.Attempts + 1, e);
                Failed(email, e);
            }
            // Saved after each mail: a crash later in the batch must not send this one again.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await client.DisconnectAsync(quit: true, CancellationToken.None);
        return sent;
    }

    /// <summary>From: the ticket's mailbox (by its name), else the desk's Atende:Smtp:From.</summary>
    private static MailboxAddress Sender(OutboundEmail email, SmtpOptions desk, IReadOnlyDictionary<int, Mailbox> mailboxes) =>
        email.MailboxId is { } id && mailboxes.TryGetValue(id, out var mailbox)
            ? new MailboxAddress(mailbox.Name, mailbox.Address)
            : MailboxAddress.TryParse(desk.From ?? "", out var from) ? from : new MailboxAddress("", "atende@localhost");

    /// <summary>
    /// A ticket's mail gets <see cref="OwnMessageId"/> (so the customer's answer threads back) and answers the newest
    /// earlier mail of the ticket; other mail a plain unique id.
    /// </summary>
    private async Task FixHeadersAsync(OutboundEmail email, MailboxAddress from, byte[] key, CancellationToken ct)
    {
        if (email.TicketId is not { } ticketId)
        {
            email.FixHeaders($"atende-{email.Id}-{email.CreatedAt.Ticks}@{from.Domain}", null, null);
            return;
        }
        // The thread so far: our earlier mail about the ticket and the customer's own mails we imported, oldest first,
        // so even the first answer threads under the mail that opened the ticket.
        var ours = await db.OutboundEmails.AsNoTracking()
            .Where(e => e.TicketId == ticketId && e.Id < email.Id && e.HeaderMessageId != null)
            .OrderByDescending(e => e.Id)
            .Select(e => new { At = e.CreatedAt, Id = e.HeaderMessageId! })
            .Take(MaxReferences)
            .ToListAsync(ct);
        var theirs = await db.ImportedMails.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.MessageId != null && m.ImportedAt <= email.CreatedAt)
            .OrderByDescending(m => m.Id)
            .Select(m => new { At = m.ImportedAt, Id = m.MessageId! })
            .Take(MaxReferences)
            .ToListAsync(ct);
        var earlier = ours.Concat(theirs).OrderBy(m => m.At).TakeLast(MaxReferences).Select(m => m.Id.Trim('<', '>')).ToList();
        var references = earlier.Count == 0 ? null : string.Join(' ', earlier.Select(id => $"<{id}>"));
        email.FixHeaders(OwnMessageId.For(ticketId, email.Id, from.Domain, key), earlier.Count == 0 ? null : earlier[^1], references);
    }

    private void Failed(OutboundEmail email, Exception e)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = email.Attempts + 1;
        email.RecordFailure(e.Message, attempts >= MaxAttempts ? Parked : now + Backoff(attempts));
    }

    /// <summary>1, 2, 4, 8... minutes, at most 2 hours between attempts.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<List<long>> ClaimAsync(bool deskConfigured, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        return db.IsPostgres
            ? await db.Database.SqlQuery<long>($"""
                UPDATE "OutboundEmails" SET "NextAttemptAt" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "OutboundEmails" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                                 AND ({deskConfigured} OR "MailboxId" IN (SELECT "Id" FROM "Mailboxes" WHERE "OutboundHost" IS NOT NULL AND "OutboundHost" <> ''))
                               ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                UPDATE "OutboundEmails" SET "NextAttemptAt" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "OutboundEmails" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                                 AND ({deskConfigured} OR "MailboxId" IN (SELECT "Id" FROM "Mailboxes" WHERE "OutboundHost" IS NOT NULL AND "OutboundHost" <> ''))
                               ORDER BY "Id" LIMIT {BatchSize})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
    }

    private async Task<MimeMessage> ToMimeAsync(OutboundEmail email, MailboxAddress from, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.To));
        if (email.ReplyTo is not null)
        {
            message.ReplyTo.Add(new MailboxAddress(from.Name, email.ReplyTo));
        }
        message.Subject = email.Subject;
        // The same id on every attempt: a mail sent again after a crash is recognised as the same mail.
        message.MessageId = email.HeaderMessageId ?? throw new InvalidOperationException("The Message-ID is fixed before sending.");
        if (email.InReplyTo is not null)
        {
            message.InReplyTo = email.InReplyTo;
        }
        if (email.References is not null)
        {
            foreach (var reference in email.References.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                message.References.Add(reference.Trim('<', '>'));
            }
        }
        message.Date = new DateTimeOffset(email.CreatedAt, TimeSpan.Zero);
        // Our mail coming back (a forward, a bounce, another desk's auto-reply quoting it) never opens a ticket.
        message.Headers.Add(AutomaticMail.LoopHeader, from.Address);
        if (email.Automatic)
        {
            // Automatic mail: out-of-office replies must not answer it (RFC 3834). An agent's own reply is not marked.
            message.Headers.Add("Auto-Submitted", "auto-generated");
        }
        message.Headers.Add(HeaderId.ContentLanguage, email.Language);
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        if (email.TicketMessageId is { } messageId)
        {
            var files = await db.Attachments.AsNoTracking().Where(a => a.MessageId == messageId).OrderBy(a => a.Id)
                .Select(a => new { a.FileName, a.ContentType, a.Sha256 }).ToListAsync(ct);
            foreach (var file in files)
            {
                var bytes = await attachments.ReadAsync(file.Sha256, ct)
                    ?? throw new InvalidOperationException($"The attachment {file.FileName} of message {messageId} has no content.");
                body.Attachments.Add(file.FileName, bytes, ContentType.TryParse(file.ContentType, out var type) ? type : new ContentType("application", "octet-stream"));
            }
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the SMTP server {Host}:{Port}; the emails will be retried.")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound email {Id} failed on attempt {Attempt}; it will be retried.")]
    private static partial void LogSendFailed(ILogger logger, long id, int attempt, Exception e);
}
