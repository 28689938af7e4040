using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Atende.Email;
using Atende.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Atende.Web.Tests.Email;

/// <summary>The application sending through the real OpenSMTPD of eng/services/mail.sh.</summary>
public sealed class RealSmtpFactory : AtendeFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            // Without the server (a skipped test) the settings still need a host: port 9 (discard) refuses.
            var server = MailServerAddress.FromEnvironment();
            return new Dictionary<string, string?>
            {
                ["Atende:Smtp:Host"] = server?.SmtpHost ?? "127.0.0.1",
                ["Atende:Smtp:Port"] = (server?.SmtpPort ?? 9).ToString(CultureInfo.InvariantCulture),
                ["Atende:Smtp:Security"] = "None",
                ["Atende:Smtp:From"] = "Support <support@desk.example>",
                ["Atende:Smtp:PollSeconds"] = "3600",
            };
        }
    }
}

public sealed class RealMailServerTests(RealSmtpFactory factory) : IClassFixture<RealSmtpFactory>
{
    [MailServerFact]
    public async Task An_agent_reply_arrives_in_the_customers_IMAP_mailbox_threaded_with_the_reply_address_and_the_ticket_tag()
    {
        var server = MailServerAddress.Required;
        var (imapHost, imapPort) = (server.ImapHost, server.ImapPort);
        var desk = await Desk.BuildAsync(factory);
        // The mail server delivers any address to the mailbox named by its local part.
        var customer = $"customer+{desk.Suffix}@customer.example";
        var subject = $"Real mail {desk.Suffix}";
        var number = await desk.OpenAsync(desk.Admin, customer, subject);

        Assert.Equal(HttpStatusCode.Created, (await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "First answer." })).StatusCode);
        await WaitForOutboxAsync();
        Assert.Equal(1, await DeliverAsync());
        Assert.Equal(HttpStatusCode.Created, (await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Second **answer**." })).StatusCode);
        await WaitForOutboxAsync();
        Assert.Equal(1, await DeliverAsync());

        var received = await FetchAsync(imapHost, imapPort, subject, 2);
        var first = received.Single(m => m.TextBody!.Contains("First answer.", StringComparison.Ordinal));
        var second = received.Single(m => m.TextBody!.Contains("Second **answer**.", StringComparison.Ordinal));
        var secret = await SecretAsync();
        Assert.Equal($"Re: {subject} [#{number}]", second.Subject);
        Assert.Equal(number, OwnMessageId.TicketOf(first.MessageId, secret));
        Assert.Equal(number, OwnMessageId.TicketOf(second.MessageId, secret));
        Assert.Equal(first.MessageId, second.InReplyTo);
        Assert.Equal([first.MessageId!], second.References);
        var replyTo = second.ReplyTo.Mailboxes.Single().Address;
        Assert.StartsWith($"support+t{number}.", replyTo, StringComparison.Ordinal);
        Assert.Equal(number, ReplyAddress.TicketOf(replyTo, secret));
        Assert.Equal("support@desk.example", second.From.Mailboxes.Single().Address);
        Assert.NotNull(second.Headers[AutomaticMail.LoopHeader]);
        Assert.Null(second.Headers["Auto-Submitted"]);
        Assert.Contains("<strong>answer</strong>", second.HtmlBody, StringComparison.Ordinal);
        // What the desk sends is recognised as its own if it ever comes back in.
        Assert.Equal(AutomaticMailKind.OwnMail, AutomaticMail.Classify(second)?.Kind);
        await using var db = factory.CreateDb();
        Assert.All(await db.OutboundEmails.Where(e => e.TicketId == number).ToListAsync(), e => Assert.NotNull(e.SentAt));
    }

    private static async Task<List<MimeMessage>> FetchAsync(string host, int port, string subject, int expected)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(host, port, SecureSocketOptions.None);
        await imap.AuthenticateAsync("customer", MailServerAddress.Required.Password);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var inbox = imap.Inbox;
            await inbox.OpenAsync(FolderAccess.ReadOnly);
            var ids = await inbox.SearchAsync(SearchQuery.SubjectContains(subject));
            if (ids.Count >= expected || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                var messages = new List<MimeMessage>();
                foreach (var id in ids)
                {
                    messages.Add(await inbox.GetMessageAsync(id));
                }
                await inbox.CloseAsync();
                await imap.DisconnectAsync(true);
                Assert.Equal(expected, messages.Count);
                return messages;
            }
            await inbox.CloseAsync();
            await Task.Delay(250);
        }
    }

    private async Task<byte[]> SecretAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailTokenSecret>().GetAsync(scope.ServiceProvider.GetRequiredService<AtendeDb>(), default);
    }

    private async Task<int> DeliverAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverOutboundEmails>().HandleAsync(CancellationToken.None);
    }

    private async Task WaitForOutboxAsync()
    {
        var clock = Stopwatch.StartNew();
        while (await factory.CreateDb().Outbox.AnyAsync(m => m.ProcessedAt == null) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }
    }
}
