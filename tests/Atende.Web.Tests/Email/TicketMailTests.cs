using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Atende.Accounts;
using Atende.Email;
using Atende.Persistence;
using Atende.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Atende.Web.Tests.Email;

/// <summary>Customer mail about tickets: who receives what, in which language, with which headers, once.</summary>
public sealed class TicketMailTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task An_agent_reply_is_mailed_to_the_requester_and_participants_threaded_under_the_acknowledgement()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana, "Impressora \"travada\" & cia");
        var bruno = $"bruno.{desk.Suffix}@acme.example";
        var carla = desk.CarlaEmail;
        await AddParticipantsAsync(number, bruno, carla);
        await WaitForOutboxAsync();
        await DeliverAsync();

        var replyId = await ReplyWithFileAsync(desk.Admin, number, "**Feito**, reinicie a impressora.");
        Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages",
            new { body = "Internal: the toner was empty", visibility = "internal" })).StatusCode);
        // The customer's own reply is mailed to nobody.
        Assert.Equal(HttpStatusCode.Created, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Obrigada!" })).StatusCode);
        await WaitForOutboxAsync();

        await using (var db = factory.CreateDb())
        {
            var rows = await db.OutboundEmails.AsNoTracking().Where(e => e.TicketId == number).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["ticket.acknowledgement", "ticket.reply", "ticket.reply", "ticket.reply"], rows.Select(r => r.Kind));
            Assert.Equal(desk.AnaEmail, rows[0].To);
            Assert.True(rows[0].Automatic);
            var replies = rows.Skip(1).ToList();
            Assert.Equal([desk.AnaEmail, bruno, carla], replies.Select(r => r.To));
            Assert.Equal(["pt-BR", "pt-BR", "en"], replies.Select(r => r.Language));
            Assert.All(replies, r =>
            {
                Assert.Equal(replyId, r.TicketMessageId);
                Assert.False(r.Automatic);
                Assert.EndsWith($"[#{number}]", r.Subject, StringComparison.Ordinal);
                Assert.Equal(number, ReplyAddress.TicketOf(r.ReplyTo, SecretOf()));
                Assert.DoesNotContain("toner", r.TextBody, StringComparison.Ordinal);
            });
            Assert.Contains("Responda a este e-mail", replies[0].TextBody, StringComparison.Ordinal);
            Assert.Contains("Reply to this email", replies[2].TextBody, StringComparison.Ordinal);
        }

        await DeliverAsync();
        var ack = Received(desk.AnaEmail).Single(m => m.Subject!.StartsWith("Recebemos", StringComparison.Ordinal));
        var reply = Received(desk.AnaEmail).Single(m => m.Subject!.StartsWith("Re:", StringComparison.Ordinal));
        Assert.Equal($"Re: Impressora \"travada\" & cia [#{number}]", reply.Subject);
        Assert.Equal(number, OwnMessageId.TicketOf(reply.MessageId, SecretOf()));
        Assert.Equal(number, OwnMessageId.TicketOf(ack.MessageId, SecretOf()));
        Assert.Equal(ack.MessageId, reply.InReplyTo);
        Assert.Contains(ack.MessageId, reply.References);
        Assert.Equal(number, ReplyAddress.TicketOf(reply.ReplyTo.Mailboxes.Single().Address, SecretOf()));
        Assert.Equal("help@desk.example", reply.From.Mailboxes.Single().Address);
        Assert.Equal("help@desk.example", reply.Headers[AutomaticMail.LoopHeader]);
        Assert.Equal("auto-generated", ack.Headers["Auto-Submitted"]);
        // A person's reply: a customer's out-of-office may answer it.
        Assert.Null(reply.Headers["Auto-Submitted"]);
        Assert.Contains("**Feito**", reply.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Feito</strong>", reply.HtmlBody, StringComparison.Ordinal);
        // The subject is the customer's text: encoded in HTML, never markup.
        Assert.Contains("&quot;travada&quot; &amp; cia", ack.HtmlBody, StringComparison.Ordinal);
        var file = Assert.Single(reply.Attachments.OfType<MimePart>());
        Assert.Equal("printer.log", file.FileName);
        Assert.Single(Received(bruno));
        Assert.Single(Received(carla));
        // Nobody else: neither the author nor anyone for the note or the customer's reply.
        Assert.DoesNotContain(factory.Sink.Received, m => m.To.Mailboxes.Any(a => a.Address.Contains(desk.Suffix, StringComparison.Ordinal)
            && a.Address != desk.AnaEmail && a.Address != bruno && a.Address != carla));

        var emails = (await desk.Admin.GetFromJsonAsync<List<TicketEmailView>>($"/api/v1/tickets/{number}/emails", Json))!;
        Assert.Equal(4, emails.Count);
        Assert.All(emails, e => Assert.Equal(EmailDeliveryStatus.Sent, e.Status));
        Assert.Equal(3, emails.Count(e => e.MessageId == replyId));
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/tickets/{number}/emails")).StatusCode);
    }

    [Fact]
    public async Task A_ticket_an_agent_opened_for_a_customer_is_not_acknowledged()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.CarlaEmail);
        await WaitForOutboxAsync();
        await using var db = factory.CreateDb();
        Assert.False(await db.OutboundEmails.AnyAsync(e => e.TicketId == number));
    }

    [Fact]
    public async Task A_failed_send_is_shown_and_retried_with_the_same_Message_ID_and_a_dead_nodes_claim_sends_once()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.CarlaEmail);
        await WaitForOutboxAsync();
        Assert.Equal(HttpStatusCode.Created, (await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "On it." })).StatusCode);
        await WaitForOutboxAsync();

        factory.Sink.Refuse = true;
        try
        {
            await DeliverAsync();
        }
        finally
        {
            factory.Sink.Refuse = false;
        }
        var failed = Assert.Single((await desk.Admin.GetFromJsonAsync<List<TicketEmailView>>($"/api/v1/tickets/{number}/emails", Json))!);
        Assert.Equal(EmailDeliveryStatus.Retrying, failed.Status);
        Assert.Contains("Try again later", failed.LastError, StringComparison.Ordinal);
        string fixedId;
        await using (var db = factory.CreateDb())
        {
            fixedId = (await db.OutboundEmails.SingleAsync(e => e.TicketId == number)).HeaderMessageId!;
            Assert.NotNull(fixedId);
            // A node claimed it again and died before sending: nothing goes until its lease expires.
            await db.OutboundEmails.Where(e => e.TicketId == number)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(5)));
        }
        factory.Clock.Advance(DeliverOutboundEmails.Backoff(1));
        await DeliverAsync();
        Assert.Empty(Received(desk.CarlaEmail));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(DeliverAsync(), DeliverAsync());
        var sent = Assert.Single(Received(desk.CarlaEmail));
        Assert.Equal(fixedId, sent.MessageId);
        Assert.Equal("Sam Support", sent.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Sam", StringComparison.Ordinal)));
        await DeliverAsync();
        Assert.Single(Received(desk.CarlaEmail));
    }

    [Fact]
    public async Task An_admins_template_is_used_in_the_recipients_language_and_reset_brings_back_the_built_in_text()
    {
        var desk = await Desk.BuildAsync(factory);
        var put = await desk.Admin.PutAsJsonAsync("/api/v1/email-templates/ticket.reply/en",
            new { subject = "Answer about {{ ticket.subject }}", body = "Dear {{recipient.name}},\n\n{{message.body}}\n\n-- {{agent.name}} & team" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        try
        {
            var number = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Scanner & \"offline\"");
            var ana = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Scanner parado");
            Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Try _now_." })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{ana}/messages", new { body = "Tente agora." })).StatusCode);
            await WaitForOutboxAsync();
            await using var db = factory.CreateDb();
            var english = await db.OutboundEmails.SingleAsync(e => e.TicketId == number);
            Assert.Equal($"Answer about Scanner & \"offline\" [#{number}]", english.Subject);
            Assert.StartsWith("Dear Carla Dias,", english.TextBody, StringComparison.Ordinal);
            Assert.EndsWith("& team", english.TextBody, StringComparison.Ordinal);
            Assert.Contains("<em>now</em>", english.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("&amp; team", english.HtmlBody, StringComparison.Ordinal);
            // Ana reads Portuguese: the built-in Portuguese text, untouched by the English override.
            var portuguese = await db.OutboundEmails.SingleAsync(e => e.TicketId == ana);
            Assert.Equal($"Re: Scanner parado [#{ana}]", portuguese.Subject);

            var view = await desk.Admin.GetJsonAsync("/api/v1/email-templates/ticket.reply/en");
            Assert.True(view["isCustomized"]!.GetValue<bool>());
            Assert.Equal("Re: {{ticket.subject}}", view["defaultSubject"]!.GetValue<string>());
            var all = await desk.Admin.GetFromJsonAsync<List<Atende.Email.Templates.EmailTemplateView>>("/api/v1/email-templates", Json);
            Assert.Equal(22, all!.Count);
        }
        finally
        {
            var reset = await (await desk.Admin.DeleteAsync("/api/v1/email-templates/ticket.reply/en")).JsonAsync();
            Assert.False(reset["isCustomized"]!.GetValue<bool>());
            Assert.Equal("Re: {{ticket.subject}}", reset["subject"]!.GetValue<string>());
        }

        var unknown = await desk.Admin.PutAsJsonAsync("/api/v1/email-templates/ticket.reply/pt-BR", new { subject = "Oi {{ticket.numero}}", body = "{{#survey.url}}x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["body", "subject"], (await unknown.ErrorFieldsAsync()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/email-templates/ticket.nothing/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/email-templates/ticket.reply/fr")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PutAsJsonAsync("/api/v1/email-templates/ticket.reply/en",
            new { subject = "x", body = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.GetAsync("/api/v1/email-templates")).StatusCode);
    }

    [Fact]
    public async Task Resolving_sends_one_mail_with_the_survey_link_and_a_customer_closing_their_own_ticket_gets_none()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Badge does not open the door");
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "resolved" })).StatusCode);
        await WaitForOutboxAsync();
        await using var db = factory.CreateDb();
        var mail = Assert.Single(await db.OutboundEmails.Where(e => e.TicketId == number).ToListAsync());
        Assert.Equal(OfferSatisfactionSurvey.EmailKind, mail.Kind);
        Assert.StartsWith("Resolved: Badge does not open the door", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/portal/survey/", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("How did we do?", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"http", mail.HtmlBody, StringComparison.Ordinal);
        Assert.True(mail.Automatic);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) },
    };

    private byte[] SecretOf()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MailTokenSecret>()
            .GetAsync(scope.ServiceProvider.GetRequiredService<AtendeDb>(), default).GetAwaiter().GetResult();
    }

    private List<MimeMessage> Received(string to) =>
        [.. factory.Sink.Received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))];

    private async Task AddParticipantsAsync(int number, params string[] emails)
    {
        await using var db = factory.CreateDb();
        var ticket = await db.Tickets.Include(t => t.Participants).SingleAsync(t => t.Id == number);
        foreach (var email in emails)
        {
            var customer = await db.Customers.SingleAsync(c => c.Email == email);
            ticket.AddParticipant(customer.Id, Caller.System, factory.Clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<int> ReplyWithFileAsync(HttpClient agent, int number, string body)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("log line 1\nlog line 2"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "printer.log");
        var upload = await (await agent.PostAsync("/api/v1/attachments", form)).JsonAsync();
        var posted = await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, attachments = new[] { upload["id"]!.GetValue<int>() } });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.JsonAsync())["id"]!.GetValue<int>();
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
