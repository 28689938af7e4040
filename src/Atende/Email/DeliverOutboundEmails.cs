using Atende.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Atende.Email;

/// <summary>
/// Sends due <see cref="OutboundEmail"/> rows through SMTP, one connection per batch. Safe with several nodes: a
/// batch is claimed with a lease (NextAttemptAt moved past the send) in one UPDATE (FOR UPDATE SKIP LOCKED on PostgreSQL, the single writer lock on
/// SQLite), so two nodes never hold the same row. A failure is retried with exponential backoff; after
/// <see cref="MaxAttempts"/> the row is parked with its last error. A row marked sent is never sent again; a node
/// that dies between sending and marking lets the lease expire and the mail goes once more with the same
/// Message-Id, which receiving servers and clients use to drop the duplicate.
/// </summary>
public sealed partial class DeliverOutboundEmails(AtendeDb db, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<DeliverOutboundEmails> logger)
{
    public const int MaxAttempts = 8;
    private const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly DateTime Parked = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One claim-and-send round; returns how many emails were sent.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return 0;
        }
        var ids = await ClaimAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        var emails = await db.OutboundEmails.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var sent = 0;
        using var client = new SmtpClient();
        try
        {
            await ConnectAsync(client, smtp, ct);
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
        foreach (var email in emails)
        {
            try
            {
                await client.SendAsync(ToMime(email, smtp), ct);
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

    private void Failed(OutboundEmail email, Exception e)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = email.Attempts + 1;
        email.RecordFailure(e.Message, attempts >= MaxAttempts ? Parked : now + Backoff(attempts));
    }

    /// <summary>1, 2, 4, 8... minutes, at most 2 hours between attempts.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<List<long>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        return db.IsPostgres
            ? await db.Database.SqlQuery<long>($"""
                UPDATE "OutboundEmails" SET "NextAttemptAt" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "OutboundEmails" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                               ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                UPDATE "OutboundEmails" SET "NextAttemptAt" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "OutboundEmails" WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                               ORDER BY "Id" LIMIT {BatchSize})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken ct)
    {
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        client.Timeout = 30_000;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }
    }

    internal static MimeMessage ToMime(OutboundEmail email, SmtpOptions smtp)
    {
        var from = MailboxAddress.Parse(string.IsNullOrWhiteSpace(smtp.From) ? "atende@localhost" : smtp.From);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.To));
        message.Subject = email.Subject;
        // The same id on every attempt: a mail sent again after a crash is recognised as the same mail.
        message.MessageId = $"atende-{email.Id}-{email.CreatedAt.Ticks}@{from.Domain}";
        message.Date = new DateTimeOffset(email.CreatedAt, TimeSpan.Zero);
        // Automatic mail: out-of-office replies must not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add(HeaderId.ContentLanguage, email.Language);
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the SMTP server {Host}:{Port}; the emails will be retried.")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound email {Id} failed on attempt {Attempt}; it will be retried.")]
    private static partial void LogSendFailed(ILogger logger, long id, int attempt, Exception e);
}
