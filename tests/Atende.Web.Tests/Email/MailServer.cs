using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Atende.Web.Tests.Email;

/// <summary>
/// A fact that needs the real mail server: skipped (with the reason) when it is not configured outside CI, run — and
/// failing — under CI=true, where eng/test.sh must have started it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MailServerFactAttribute : FactAttribute
{
    public MailServerFactAttribute()
    {
        if (MailServerAddress.FromEnvironment() is null && !MailServerAddress.IsCi)
        {
            Skip = "No test mail server (ATENDE_TEST_IMAP/ATENDE_TEST_SMTP unset; eng/test.sh starts eng/services/mail.sh and sets them).";
        }
    }
}

/// <summary>What the tests do on the real Dovecot/OpenSMTPD: put mail in (IMAP APPEND or SMTP), look at folders, clean up.</summary>
public static class MailServer
{
    public static MailServerAddress Address => MailServerAddress.Required;

    /// <summary>The IMAP user of the SMTP tests: its INBOX receives whatever is sent to inbound@… (eng/test.sh lists it in ATENDE_MAIL_USERS).</summary>
    public const string SmtpUser = "inbound";

    /// <summary>The user whose private folders the APPEND tests use, one folder per test.</summary>
    public const string FolderUser = "support";

    public static async Task<ImapClient> ConnectAsync(string user)
    {
        var a = Address;
        var client = new ImapClient { Timeout = 20_000 };
        await client.ConnectAsync(a.ImapHost, a.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, a.Password);
        return client;
    }

    /// <summary>A new, empty folder of <see cref="FolderUser"/>, unique to the caller.</summary>
    public static async Task<string> NewFolderAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];
        using var client = await ConnectAsync(FolderUser);
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        await root.CreateAsync(name, isMessageFolder: true);
        await client.DisconnectAsync(true);
        return name;
    }

    public static async Task AppendAsync(string folder, IEnumerable<MimeMessage> messages, string user = FolderUser)
    {
        using var client = await ConnectAsync(user);
        var target = await client.GetFolderAsync(folder);
        await target.OpenAsync(FolderAccess.ReadWrite);
        foreach (var message in messages)
        {
            await target.AppendAsync(message, MessageFlags.None);
        }
        await client.DisconnectAsync(true);
    }

    /// <summary>(all, unseen) messages in a folder; (-1, -1) when it does not exist.</summary>
    public static async Task<(int All, int Unseen)> CountAsync(string folder, string user = FolderUser)
    {
        using var client = await ConnectAsync(user);
        try
        {
            var f = await client.GetFolderAsync(folder);
            await f.OpenAsync(FolderAccess.ReadOnly);
            var unseen = (await f.SearchAsync(SearchQuery.NotSeen)).Count;
            var all = (await f.SearchAsync(SearchQuery.NotDeleted)).Count;
            return (all, unseen);
        }
        catch (FolderNotFoundException)
        {
            return (-1, -1);
        }
        finally
        {
            await client.DisconnectAsync(true);
        }
    }

    /// <summary>Removes every message of a user's INBOX (the SMTP tests start from an empty one).</summary>
    public static async Task EmptyInboxAsync(string user)
    {
        using var client = await ConnectAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var all = await client.Inbox.SearchAsync(SearchQuery.All);
        if (all.Count > 0)
        {
            await client.Inbox.AddFlagsAsync(all, MessageFlags.Deleted, true);
            await client.Inbox.ExpungeAsync();
        }
        await client.DisconnectAsync(true);
    }

    /// <summary>Sends through the real OpenSMTPD and waits until Dovecot has delivered it to the user's INBOX.</summary>
    public static async Task SendAsync(MimeMessage message, string user)
    {
        var a = Address;
        var before = (await CountAsync("INBOX", user)).All;
        using (var smtp = new SmtpClient { Timeout = 20_000 })
        {
            await smtp.ConnectAsync(a.SmtpHost, a.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await CountAsync("INBOX", user)).All <= before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The mail sent to {user} did not arrive in its INBOX within 30 seconds.");
            }
            await Task.Delay(100);
        }
    }

    public static MimeMessage Mail(string from, string to, string subject, string text, string? messageId = null, string? inReplyTo = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = messageId ?? $"{Guid.NewGuid():N}@customer.example";
        message.Date = DateTimeOffset.UtcNow;
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
