using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Atende.Web.Tests.Email;

/// <summary>The poller against the real Dovecot and OpenSMTPD of eng/services/mail.sh: every test has its own folder or empties its INBOX.</summary>
public sealed class MailboxPollingTests(MailboxFactory factory) : IClassFixture<MailboxFactory>
{
    private MailboxPoller Poller => factory.Services.GetRequiredService<MailboxPoller>();

    [MailServerFact]
    public async Task Mail_sent_by_SMTP_becomes_a_ticket_and_the_customers_reply_lands_in_it()
    {
        var desk = await Desk.BuildAsync(factory);
        await MailServer.EmptyInboxAsync(MailServer.SmtpUser);
        var id = await CreateAsync(desk, MailServer.SmtpUser, "INBOX", "markSeen");
        var customer = $"marta.{desk.Suffix}@cliente.example";
        var first = MailServer.Mail($"Marta Alves <{customer}>", $"{MailServer.SmtpUser}@desk.example", "Impressora não imprime", "Bom dia, a impressora do 2º andar parou.");
        await MailServer.SendAsync(first, MailServer.SmtpUser);

        var outcome = await Poller.PollMailboxAsync(id, force: true, default);

        Assert.Equal(new PollOutcome(id, 1, null), outcome);
        int ticketId;
        await using (var db = factory.CreateDb())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.MailboxId == id);
            Assert.Equal("Impressora não imprime", ticket.Subject);
            Assert.Equal(desk.SupportTeamId, ticket.TeamId);
            ticketId = ticket.Id;
        }
        Assert.Equal((1, 0), await MailServer.CountAsync("INBOX", MailServer.SmtpUser));

        var reply = MailServer.Mail($"Marta Alves <{customer}>", $"{MailServer.SmtpUser}@desk.example", "Re: Impressora não imprime",
            "Voltou a falhar agora há pouco.", inReplyTo: first.MessageId);
        await MailServer.SendAsync(reply, MailServer.SmtpUser);
        Assert.Equal(1, (await Poller.PollMailboxAsync(id, force: true, default))!.Imported);

        await using (var db = factory.CreateDb())
        {
            Assert.Equal(ticketId, (await db.Tickets.SingleAsync(t => t.MailboxId == id)).Id);
            var bodies = await db.Messages.Where(m => m.TicketId == ticketId).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
            Assert.Equal(2, bodies.Count);
            Assert.Contains("Voltou a falhar", bodies[1], StringComparison.Ordinal);
        }
    }

    [MailServerFact]
    public async Task A_bounce_and_an_auto_reply_sent_by_SMTP_create_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        await MailServer.EmptyInboxAsync(MailServer.SmtpUser);
        var id = await CreateAsync(desk, MailServer.SmtpUser, "INBOX", "delete");
        var to = $"{MailServer.SmtpUser}@desk.example";

        var autoReply = MailServer.Mail($"ooo.{desk.Suffix}@cliente.example", to, "Automatic reply: Your request", "I am out of the office until Monday.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        await MailServer.SendAsync(autoReply, MailServer.SmtpUser);
        await MailServer.SendAsync(Bounce(to), MailServer.SmtpUser);

        var outcome = await Poller.PollMailboxAsync(id, force: true, default);

        Assert.Equal(2, outcome!.Imported);
        Assert.Null(outcome.Error);
        await using var db = factory.CreateDb();
        Assert.False(await db.Tickets.AnyAsync(t => t.MailboxId == id));
        // Taken care of (ignored) like any imported mail: removed from the server, so not fetched again.
        Assert.Equal((0, 0), await MailServer.CountAsync("INBOX", MailServer.SmtpUser));
    }

    [MailServerFact]
    public async Task Delete_removes_imported_mail_from_the_folder() => await AfterImportAsync("delete", (folder, _) => Assert.Equal((0, 0), folder));

    [MailServerFact]
    public async Task Move_puts_imported_mail_in_a_folder_it_creates() =>
        await AfterImportAsync("move", (folder, moved) =>
        {
            Assert.Equal((0, 0), folder);
            Assert.Equal(3, moved.All);
        });

    [MailServerFact]
    public async Task Mark_seen_leaves_mail_in_place_and_skips_it_next_time() => await AfterImportAsync("markSeen", (folder, _) => Assert.Equal((3, 0), folder));

    private async Task AfterImportAsync(string mode, Action<(int All, int Unseen), (int All, int Unseen)> check)
    {
        var desk = await Desk.BuildAsync(factory);
        var folder = await MailServer.NewFolderAsync(mode);
        var moveTo = folder + "-done";
        await MailServer.AppendAsync(folder, Enumerable.Range(1, 3).Select(i => Customer(desk, i)));
        var id = await CreateAsync(desk, MailServer.FolderUser, folder, mode, moveTo);

        Assert.Equal(3, (await Poller.PollMailboxAsync(id, force: true, default))!.Imported);
        check(await MailServer.CountAsync(folder), await MailServer.CountAsync(moveTo));

        Assert.Equal(0, (await Poller.PollMailboxAsync(id, force: true, default))!.Imported);
        await using var db = factory.CreateDb();
        Assert.Equal(3, await db.Tickets.CountAsync(t => t.MailboxId == id));
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == id);
        Assert.Null(mailbox.LastError);
        Assert.Null(mailbox.ClaimedBy);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, mailbox.LastPolledAt);
    }

    [MailServerFact]
    public async Task A_poller_that_dies_between_import_and_removal_loses_and_duplicates_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        var folder = await MailServer.NewFolderAsync("crash");
        await MailServer.AppendAsync(folder, Enumerable.Range(1, 10).Select(i => Customer(desk, i)));
        var id = await CreateAsync(desk, MailServer.FolderUser, folder, "delete");

        // The 4th message is committed, then the node "dies" before deleting it from the server.
        var count = 0;
        Poller.Imported = _ => ++count == 4 ? throw new IOException("node died") : Task.CompletedTask;
        try
        {
            var crashed = await Poller.PollMailboxAsync(id, force: true, default);
            Assert.Equal(3, crashed!.Imported);
            Assert.Contains("node died", crashed.Error, StringComparison.Ordinal);
        }
        finally
        {
            Poller.Imported = null;
        }
        Assert.Equal(7, (await MailServer.CountAsync(folder)).All);
        await using (var db = factory.CreateDb())
        {
            Assert.Equal(4, await db.Tickets.CountAsync(t => t.MailboxId == id));
            Assert.NotNull((await db.Mailboxes.SingleAsync(m => m.Id == id)).LastError);
        }

        // And one whose poll is cancelled (the process stopping) in the middle of a batch.
        using var stop = new CancellationTokenSource();
        count = 0;
        Poller.Imported = _ => ++count == 2 ? stop.CancelAsync() : Task.CompletedTask;
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Poller.PollMailboxAsync(id, force: true, stop.Token));
        }
        finally
        {
            Poller.Imported = null;
        }

        var restarted = await Poller.PollMailboxAsync(id, force: true, default);
        Assert.Null(restarted!.Error);
        Assert.Equal((0, 0), await MailServer.CountAsync(folder));
        await using (var db = factory.CreateDb())
        {
            var subjects = await db.Tickets.Where(t => t.MailboxId == id).Select(t => t.Subject).ToListAsync();
            Assert.Equal(10, subjects.Count);
            Assert.Equal(10, subjects.Distinct().Count());
            Assert.Null((await db.Mailboxes.SingleAsync(m => m.Id == id)).LastError);
        }
    }

    [MailServerFact]
    public async Task Two_pollers_never_import_one_mailbox_at_the_same_time()
    {
        var desk = await Desk.BuildAsync(factory);
        var folder = await MailServer.NewFolderAsync("pair");
        await MailServer.AppendAsync(folder, Enumerable.Range(1, 12).Select(i => Customer(desk, i)));
        var id = await CreateAsync(desk, MailServer.FolderUser, folder, "markSeen");
        await using var node = new MailboxNode(factory);
        var other = node.Services.GetRequiredService<MailboxPoller>();

        // While this node imports, the other finds the mailbox claimed.
        PollOutcome? otherOutcome = new(0, -1, null);
        Poller.Imported = async _ => otherOutcome ??= await other.PollMailboxAsync(id, force: true, default);
        otherOutcome = null;
        try
        {
            Assert.Equal(12, (await Poller.PollMailboxAsync(id, force: true, default))!.Imported);
        }
        finally
        {
            Poller.Imported = null;
        }
        Assert.Null(otherOutcome);

        // Both at once, through their due-mailbox loops: every message once.
        await MailServer.AppendAsync(folder, Enumerable.Range(13, 12).Select(i => Customer(desk, i)));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        node.Clock.SetUtcNow(factory.Clock.GetUtcNow());
        var both = await Task.WhenAll(Poller.PollDueAsync(default), other.PollDueAsync(default));
        Assert.Equal(12, both.SelectMany(o => o).Where(o => o.MailboxId == id).Sum(o => o.Imported));
        await using var db = factory.CreateDb();
        Assert.Equal(24, await db.Tickets.CountAsync(t => t.MailboxId == id));
    }

    [MailServerFact]
    public async Task Test_connection_reports_a_wrong_password_a_closed_port_and_success()
    {
        var desk = await Desk.BuildAsync(factory);
        var server = MailServer.Address;
        var id = await CreateAsync(desk, MailServer.FolderUser, "INBOX", "markSeen", outbound: true);

        var good = await (await desk.Admin.PostAsync($"/api/v1/mailboxes/{id}/test", null)).JsonAsync();
        Assert.True(good["ok"]!.GetValue<bool>(), good.ToJsonString());

        await desk.Admin.PatchAsJsonAsync($"/api/v1/mailboxes/{id}", new { inbound = new { password = "wrong-password" } });
        var wrong = await (await desk.Admin.PostAsync($"/api/v1/mailboxes/{id}/test", null)).JsonAsync();
        Assert.False(wrong["ok"]!.GetValue<bool>());
        Assert.Equal("auth", wrong["inbound"]!["code"]!.GetValue<string>());
        Assert.Contains("user name or password", wrong["inbound"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(wrong["outbound"]!["ok"]!.GetValue<bool>());

        // The poll says the same and keeps it as the mailbox's last error, until a good poll clears it.
        var failed = await Poller.PollMailboxAsync(id, force: true, default);
        Assert.Contains("user name or password", failed!.Error, StringComparison.Ordinal);
        Assert.Contains("user name or password", (await desk.Admin.GetFromJsonAsync<JsonObject>($"/api/v1/mailboxes/{id}"))!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        var closed = FreePort();
        await desk.Admin.PatchAsJsonAsync($"/api/v1/mailboxes/{id}", new { inbound = new { password = server.Password, port = closed }, outbound = new { port = closed } });
        var refused = await (await desk.Admin.PostAsync($"/api/v1/mailboxes/{id}/test", null)).JsonAsync();
        Assert.Equal("refused", refused["inbound"]!["code"]!.GetValue<string>());
        Assert.Equal("refused", refused["outbound"]!["code"]!.GetValue<string>());
        Assert.Contains($"{closed}", refused["inbound"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await desk.Admin.PatchAsJsonAsync($"/api/v1/mailboxes/{id}", new { inbound = new { port = server.ImapPort } });
        Assert.Null((await Poller.PollMailboxAsync(id, force: true, default))!.Error);
        Assert.Null((await desk.Admin.GetFromJsonAsync<JsonObject>($"/api/v1/mailboxes/{id}"))!["lastError"]);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static MimeMessage Customer(Desk desk, int i) =>
        MailServer.Mail($"Cliente {i} <cliente{i}.{desk.Suffix}@cliente.example>", "support@desk.example", $"Pedido {i} {desk.Suffix}",
            $"Olá, preciso de ajuda com o pedido {i}. Obrigado!");

    private static MimeMessage Bounce(string to)
    {
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "This is the mail system. Your message could not be delivered to ghost@nowhere.example." },
            new MimePart("message", "delivery-status")
            {
                Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mx.nowhere.example\r\n\r\nFinal-Recipient: rfc822; ghost@nowhere.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"u8.ToArray())),
            },
        };
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@nowhere.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.MessageId = $"{Guid.NewGuid():N}@nowhere.example";
        message.Body = report;
        return message;
    }

    private async Task<int> CreateAsync(Desk desk, string user, string folder, string afterImport, string? moveTo = null, bool outbound = false)
    {
        var server = MailServer.Address;
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            name = $"{folder} {desk.Suffix}",
            address = $"{afterImport.ToLowerInvariant()}.{Guid.NewGuid():N}@desk.example",
            inbound = new
            {
                protocol = "imap", host = server.ImapHost, port = server.ImapPort, security = "none", username = user, password = server.Password,
                folder, pollSeconds = 30, afterImport, moveTo = moveTo ?? (afterImport == "move" ? folder + "-done" : null),
            },
            outbound = outbound ? new { host = server.SmtpHost, port = server.SmtpPort, security = "none" } : null,
            teamId = desk.SupportTeamId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }
}
