using Atende.Accounts;
using Atende.Persistence;
using MailKit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Atende.Email;

/// <summary>One side of a connection test: ok, a short code the screens translate, and the message in English.</summary>
public sealed record MailboxCheck(bool Ok, string Code, string Message);

public sealed record MailboxTestResult(bool Ok, MailboxCheck Inbound, MailboxCheck Outbound);

/// <summary>
/// Tries a mailbox's settings as saved (admins): logs in to IMAP and opens the folder (and the move-to folder), or logs
/// in to POP3; connects and logs in to the SMTP account (its own, or the desk's Atende:Smtp). Short timeouts, nothing
/// fetched, nothing sent, nothing stored.
/// </summary>
public sealed class TestMailboxConnection(AtendeDb db, IDataProtectionProvider protection, IOptions<SmtpOptions> smtp)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<MailboxTestResult> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var mailbox = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Mailbox {id}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout * 2);
        var inbound = await InboundAsync(mailbox, timeout.Token, ct);
        var outbound = await OutboundAsync(mailbox, timeout.Token, ct);
        return new MailboxTestResult(inbound.Ok && outbound.Ok, inbound, outbound);
    }

    private async Task<MailboxCheck> InboundAsync(Mailbox mailbox, CancellationToken ct, CancellationToken caller)
    {
        string? folder = null;
        try
        {
            if (mailbox.InboundProtocol == MailProtocol.Pop3)
            {
                using var pop = await MailConnection.Pop3Async(mailbox, protection, Timeout, ct);
                var count = await pop.GetMessageCountAsync(ct);
                await pop.DisconnectAsync(true, ct);
                return new MailboxCheck(true, "ok", $"Logged in to {mailbox.InboundHost}: {count} messages waiting.");
            }
            using var imap = await MailConnection.ImapAsync(mailbox, protection, Timeout, ct);
            folder = mailbox.Folder;
            var inbox = await imap.GetFolderAsync(mailbox.Folder, ct);
            await inbox.StatusAsync(StatusItems.Count | StatusItems.Unread, ct);
            var text = $"Logged in to {mailbox.InboundHost}: folder '{mailbox.Folder}' has {inbox.Count} messages ({inbox.Unread} unread).";
            if (mailbox.AfterImport == AfterImport.Move && mailbox.MoveTo is { } moveTo)
            {
                try
                {
                    await imap.GetFolderAsync(moveTo, ct);
                }
                catch (FolderNotFoundException)
                {
                    text += $" The folder '{moveTo}' will be created on the first import.";
                }
            }
            await imap.DisconnectAsync(true, ct);
            return new MailboxCheck(true, "ok", text);
        }
        catch (Exception e) when (!caller.IsCancellationRequested)
        {
            var (code, message) = MailConnection.Explain(e, mailbox.InboundHost, mailbox.InboundPort, folder);
            return new MailboxCheck(false, code, message);
        }
    }

    private async Task<MailboxCheck> OutboundAsync(Mailbox mailbox, CancellationToken ct, CancellationToken caller)
    {
        try
        {
            if (mailbox.OutboundHost is { } own)
            {
                using var client = await MailConnection.SmtpAsync(own, mailbox.OutboundPort, MailConnection.Socket(mailbox.OutboundSecurity),
                    mailbox.OutboundUsername, mailbox.OutboundPassword(protection), Timeout, ct);
                await client.DisconnectAsync(true, ct);
                return new MailboxCheck(true, "ok", $"Connected to {own}{(string.IsNullOrEmpty(mailbox.OutboundUsername) ? "" : " and logged in")}.");
            }
            var desk = smtp.Value;
            if (!desk.IsConfigured)
            {
                return new MailboxCheck(false, "notConfigured", "No outgoing server: give this mailbox an SMTP account, or configure the desk's Atende:Smtp.");
            }
            using var deskClient = await MailConnection.SmtpAsync(desk.Host!, desk.Port, desk.SocketOptions, desk.Username, desk.Password, Timeout, ct);
            await deskClient.DisconnectAsync(true, ct);
            return new MailboxCheck(true, "ok", $"Replies go through the desk's SMTP server {desk.Host}: connected.");
        }
        catch (Exception e) when (!caller.IsCancellationRequested)
        {
            var (code, message) = MailConnection.Explain(e, mailbox.OutboundHost ?? smtp.Value.Host ?? "", mailbox.OutboundHost is null ? smtp.Value.Port : mailbox.OutboundPort);
            return new MailboxCheck(false, code, message);
        }
    }
}
