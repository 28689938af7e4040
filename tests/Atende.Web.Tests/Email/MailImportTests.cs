using System.Net;
using System.Net.Http.Json;
using System.Text;
using Atende.Customers;
using Atende.Email;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Email;

/// <summary>Raw mail in, the right ticket change out — once — on the real database.</summary>
public sealed class MailImportTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task A_new_mail_opens_a_ticket_for_a_new_requester_with_the_mailbox_defaults()
    {
        var (desk, mailbox) = await SetUpAsync();
        var domain = $"client-{desk.Suffix}.example";
        await using (var db = factory.CreateDb())
        {
            db.OrganizationDomains.Add(new OrganizationDomain { Domain = domain, OrganizationId = desk.BetaId });
            await db.SaveChangesAsync();
        }
        var from = $"Zoe Cliente <zoe@{domain}>";

        var outcome = await ImportAsync(mailbox.Id, Mail(from, mailbox.Address, "Impressora não imprime", "Bom dia,\r\nA impressora parou.\r\n", id: Id()));

        Assert.Equal(ImportOutcomeKind.CreatedTicket, outcome.Kind);
        await using var check = factory.CreateDb();
        var ticket = await check.Tickets.Include(t => t.Requester).Include(t => t.Messages).SingleAsync(t => t.Id == outcome.TicketId);
        Assert.Equal("Impressora não imprime", ticket.Subject);
        Assert.Equal(Channel.Email, ticket.Channel);
        Assert.Equal(desk.SupportTeamId, ticket.TeamId);
        Assert.Equal(Priority.High, ticket.Priority);
        Assert.Equal(mailbox.Id, ticket.MailboxId);
        Assert.Equal($"zoe@{domain}", ticket.Requester.Email);
        Assert.Equal("Zoe Cliente", ticket.Requester.Name);
        Assert.Equal(desk.BetaId, ticket.Requester.OrganizationId);
        var message = Assert.Single(ticket.Messages);
        Assert.Equal(outcome.MessageId, message.Id);
        Assert.Equal(Visibility.Public, message.Visibility);
        Assert.Equal(ticket.RequesterId, message.AuthorCustomerId);
        Assert.Contains("A impressora parou.", message.Body);
        // Automation, SLA and notifications hear of it as of any ticket: the created event is in the outbox.
        Assert.Contains(await check.Outbox.Where(o => o.Type == TicketEvents.Created).Select(o => o.Payload).ToListAsync(),
            p => p.Contains($"\"TicketNumber\":{ticket.Id},", StringComparison.Ordinal));
        var page = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id}");
        Assert.Equal("email", page["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_subject_becomes_the_first_line_of_the_text()
    {
        var (_, mailbox) = await SetUpAsync();
        var outcome = await ImportAsync(mailbox.Id, Mail($"someone.{Guid.NewGuid():N}@example.org", mailbox.Address, "", "\r\nThe VPN drops every hour.\r\nThanks\r\n", id: Id()));
        await using var db = factory.CreateDb();
        Assert.Equal("The VPN drops every hour.", (await db.Tickets.SingleAsync(t => t.Id == outcome.TicketId)).Subject);
    }

    [Fact]
    public async Task A_reply_quoting_our_Message_ID_joins_its_ticket_trimmed_and_the_original_is_there_on_demand()
    {
        var (desk, mailbox) = await SetUpAsync();
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Laptop broken");
        var ours = OwnMessageId.For(number, 77, "desk.example", await SecretAsync());
        var text = "Yes, it still happens.\r\n\r\nOn Mon, 2 Nov 2026 at 10:00, Support <support@desk.example> wrote:\r\n> Does it still happen?\r\n";

        var outcome = await ImportAsync(mailbox.Id, Mail(desk.AnaEmail, mailbox.Address, "Re: Laptop broken", text, id: Id(), inReplyTo: ours));

        Assert.Equal(ImportOutcomeKind.AddedToTicket, outcome.Kind);
        Assert.Equal(number, outcome.TicketId);
        await using (var db = factory.CreateDb())
        {
            var message = await db.Messages.SingleAsync(m => m.Id == outcome.MessageId);
            Assert.Equal("Yes, it still happens.", message.Body);
            Assert.Equal(Visibility.Public, message.Visibility);
        }
        var original = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/messages/{outcome.MessageId}/original");
        Assert.Contains("Does it still happen?", original["text"]!.GetValue<string>());
        var raw = await desk.AgentInSupport.GetAsync($"/api/v1/tickets/{number}/messages/{outcome.MessageId}/original/raw");
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Does it still happen?", await raw.Content.ReadAsStringAsync());
        // The original is for agents: the customer cannot read it.
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/tickets/{number}/messages/{outcome.MessageId}/original")).StatusCode);
    }

    [Fact]
    public async Task A_reply_to_the_customers_own_earlier_mail_joins_the_ticket_that_mail_opened()
    {
        var (desk, mailbox) = await SetUpAsync();
        var first = Id();
        var opened = await ImportAsync(mailbox.Id, Mail(desk.CarlaEmail, mailbox.Address, "Email down", "Nothing arrives.", id: first));
        var colleague = $"colleague.{desk.Suffix}@beta.example";

        var follow = await ImportAsync(mailbox.Id, Mail(colleague, mailbox.Address, "Re: Email down", "Same here.", id: Id(), references: [Id(), first]));

        Assert.Equal(ImportOutcomeKind.AddedToTicket, follow.Kind);
        Assert.Equal(opened.TicketId, follow.TicketId);
        await using var db = factory.CreateDb();
        var ticket = await db.Tickets.Include(t => t.Participants).SingleAsync(t => t.Id == opened.TicketId);
        var colleagueId = await db.Customers.Where(c => c.Email == colleague).Select(c => c.Id).SingleAsync();
        // Someone who answers inside the conversation takes part in it from then on.
        Assert.Contains(ticket.Participants, p => p.CustomerId == colleagueId);
    }

    [Fact]
    public async Task A_reply_address_token_in_Cc_or_Delivered_To_threads_the_mail()
    {
        var (desk, mailbox) = await SetUpAsync();
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Token threading");
        var token = ReplyAddress.For(mailbox.Address, number, await SecretAsync());

        var inCc = await ImportAsync(mailbox.Id, Mail(desk.AnaEmail, "someone@else.example", "A new subject", "In Cc.", id: Id(), cc: token));
        var delivered = await ImportAsync(mailbox.Id, Mail(desk.AnaEmail, "list@else.example", "Another subject", "Delivered.", id: Id(),
            extraHeaders: $"Delivered-To: {token}\r\n"));

        Assert.Equal((ImportOutcomeKind.AddedToTicket, number), (inCc.Kind, inCc.TicketId));
        Assert.Equal((ImportOutcomeKind.AddedToTicket, number), (delivered.Kind, delivered.TicketId));
    }

    [Fact]
    public async Task A_forged_reply_token_does_not_thread()
    {
        var (desk, mailbox) = await SetUpAsync();
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Forged");
        var forged = ReplyAddress.For(mailbox.Address, number, new byte[32]);
        var outcome = await ImportAsync(mailbox.Id, Mail($"mallory.{desk.Suffix}@evil.example", forged, "Hi", "Let me in.", id: Id()));
        Assert.Equal(ImportOutcomeKind.CreatedTicket, outcome.Kind);
        Assert.NotEqual(number, outcome.TicketId);
    }

    [Fact]
    public async Task The_subject_tag_threads_mail_from_the_requester_or_a_participant_only()
    {
        var (desk, mailbox) = await SetUpAsync();
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Tagged");
        var bruno = $"bruno.{desk.Suffix}@acme.example";
        await using (var db = factory.CreateDb())
        {
            var ticket = await db.Tickets.Include(t => t.Participants).SingleAsync(t => t.Id == number);
            ticket.AddParticipant(await db.Customers.Where(c => c.Email == bruno).Select(c => c.Id).SingleAsync(), Atende.Accounts.Caller.System, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var fromRequester = await ImportAsync(mailbox.Id, Mail(desk.AnaEmail, mailbox.Address, $"Re: Tagged {SubjectTag.Of(number)}", "From Ana.", id: Id()));
        var fromParticipant = await ImportAsync(mailbox.Id, Mail(bruno, mailbox.Address, $"{SubjectTag.Of(number)} more", "From Bruno.", id: Id()));
        var fromStranger = await ImportAsync(mailbox.Id, Mail(desk.CarlaEmail, mailbox.Address, $"Re: Tagged {SubjectTag.Of(number)}", "From Carla.", id: Id()));

        Assert.Equal(number, fromRequester.TicketId);
        Assert.Equal(number, fromParticipant.TicketId);
        Assert.Equal(ImportOutcomeKind.CreatedTicket, fromStranger.Kind);
        Assert.NotEqual(number, fromStranger.TicketId);
    }

    [Fact]
    public async Task A_reply_to_a_merged_ticket_lands_in_its_target()
    {
        var (desk, mailbox) = await SetUpAsync();
        var source = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Duplicate request");
        var target = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Original request");
        var merge = await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{source}/merge", new { into = target });
        Assert.True(merge.IsSuccessStatusCode, await merge.Content.ReadAsStringAsync());
        var ours = OwnMessageId.For(source, 5, "desk.example", await SecretAsync());

        var outcome = await ImportAsync(mailbox.Id, Mail(desk.AnaEmail, mailbox.Address, "Re: Duplicate request", "Any news?", id: Id(), inReplyTo: ours));

        Assert.Equal((ImportOutcomeKind.AddedToTicket, target), (outcome.Kind, outcome.TicketId));
    }

    [Fact]
    public async Task An_agent_answering_by_mail_writes_an_internal_note()
    {
        var (desk, mailbox) = await SetUpAsync();
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Agent by mail");
        var ours = OwnMessageId.For(number, 9, "desk.example", await SecretAsync());

        var outcome = await ImportAsync(mailbox.Id, Mail($"Sam <sam.{desk.Suffix}@desk.example>", mailbox.Address, "Re: Agent by mail", "Checked the logs.", id: Id(), inReplyTo: ours));

        await using var db = factory.CreateDb();
        var note = await db.Messages.SingleAsync(m => m.Id == outcome.MessageId);
        Assert.Equal((Visibility.Internal, desk.SupportAgentId), (note.Visibility, note.AuthorAgentId));
    }

    [Fact]
    public async Task The_same_mail_imported_twice_is_one_ticket_with_or_without_a_Message_ID()
    {
        var (desk, mailbox) = await SetUpAsync();
        var withId = Mail(desk.CarlaEmail, mailbox.Address, "Twice", "Once please.", id: Id());
        var withoutId = Mail(desk.CarlaEmail, mailbox.Address, "Twice, no id", $"Once please. {Guid.NewGuid()}", id: null);

        var first = await ImportAsync(mailbox.Id, withId);
        var second = await ImportAsync(mailbox.Id, withId);
        var third = await ImportAsync(mailbox.Id, withoutId);
        var fourth = await ImportAsync(mailbox.Id, withoutId);

        Assert.Equal(ImportOutcomeKind.CreatedTicket, first.Kind);
        Assert.Equal((ImportOutcomeKind.Duplicate, first.TicketId), (second.Kind, second.TicketId));
        Assert.Equal(ImportOutcomeKind.CreatedTicket, third.Kind);
        Assert.Equal((ImportOutcomeKind.Duplicate, third.TicketId), (fourth.Kind, fourth.TicketId));
        await using var db = factory.CreateDb();
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.Subject == "Twice"));
        Assert.Equal(1, await db.Messages.CountAsync(m => m.TicketId == first.TicketId));
    }

    [Fact]
    public async Task The_same_mail_through_a_second_mailbox_is_a_duplicate()
    {
        var (desk, mailbox) = await SetUpAsync();
        var (_, sales) = await SetUpAsync(desk);
        var raw = Mail(desk.CarlaEmail, mailbox.Address, "To both", "Hello both.", id: Id(), cc: sales.Address);
        var first = await ImportAsync(mailbox.Id, raw);
        var second = await ImportAsync(sales.Id, raw);
        Assert.Equal((ImportOutcomeKind.Duplicate, first.TicketId), (second.Kind, second.TicketId));
    }

    [Fact]
    public async Task Concurrent_imports_of_one_mail_make_one_ticket()
    {
        var (desk, mailbox) = await SetUpAsync();
        var newcomer = $"new.{desk.Suffix}@fresh.example";
        var raw = Mail(newcomer, mailbox.Address, "Concurrent", "Race me.", id: Id(), cc: $"cc.{desk.Suffix}@fresh.example");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ImportAsync(mailbox.Id, raw))));

        Assert.Single(outcomes, o => o.Kind == ImportOutcomeKind.CreatedTicket);
        Assert.All(outcomes.Where(o => o.Kind != ImportOutcomeKind.CreatedTicket), o => Assert.Equal(ImportOutcomeKind.Duplicate, o.Kind));
        await using var db = factory.CreateDb();
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.Subject == "Concurrent" && t.MailboxId == mailbox.Id));
        Assert.Equal(1, await db.Customers.CountAsync(c => c.Email == newcomer));
        Assert.Equal(0, await db.FailedMails.CountAsync(f => f.MailboxId == mailbox.Id));
    }

    [Fact]
    public async Task Concurrent_new_mails_from_one_new_customer_make_one_customer()
    {
        var (desk, mailbox) = await SetUpAsync();
        var newcomer = $"racer.{desk.Suffix}@fresh.example";
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => ImportAsync(mailbox.Id, Mail(newcomer, mailbox.Address, $"Request {i}", "Hi.", id: Id())))));
        Assert.All(outcomes, o => Assert.Equal(ImportOutcomeKind.CreatedTicket, o.Kind));
        await using var db = factory.CreateDb();
        Assert.Equal(1, await db.Customers.CountAsync(c => c.Email == newcomer));
    }

    [Fact]
    public async Task Automatic_mail_and_our_own_mail_create_nothing()
    {
        var (desk, mailbox) = await SetUpAsync();
        var before = await desk.CountTicketsAsync();

        var autoReply = await ImportAsync(mailbox.Id, Mail(desk.CarlaEmail, mailbox.Address, "Automatic reply: Printer", "I am away.", id: Id(), extraHeaders: "Auto-Submitted: auto-replied\r\n"));
        var loop = await ImportAsync(mailbox.Id, Mail(desk.CarlaEmail, mailbox.Address, "Loop", "Ours.", id: Id(), extraHeaders: $"{AutomaticMail.LoopHeader}: test\r\n"));
        var fromUs = await ImportAsync(mailbox.Id, Mail(mailbox.Address, mailbox.Address, "From ourselves", "Ours.", id: Id()));
        var fromOurToken = await ImportAsync(mailbox.Id, Mail(mailbox.Address.Replace("@", "+t1.abc@", StringComparison.Ordinal), "x@client.example", "Token sender", "Ours.", id: Id()));
        var list = await ImportAsync(mailbox.Id, Mail(desk.CarlaEmail, mailbox.Address, "Newsletter", "News.", id: Id(), extraHeaders: "List-Id: <news.example.org>\r\n"));

        Assert.All(new[] { autoReply, loop, fromUs, fromOurToken, list }, o => Assert.Equal(ImportOutcomeKind.Ignored, o.Kind));
        Assert.Equal(before, await desk.CountTicketsAsync());
        // Ignored mail is remembered too: a second delivery is a duplicate, not a second look.
        var again = Mail(mailbox.Address, mailbox.Address, "Again", "Ours.", id: Id());
        Assert.Equal(ImportOutcomeKind.Ignored, (await ImportAsync(mailbox.Id, again)).Kind);
        Assert.Equal(ImportOutcomeKind.Duplicate, (await ImportAsync(mailbox.Id, again)).Kind);
    }

    [Fact]
    public async Task A_bounce_of_our_mail_notes_the_ticket_and_marks_the_address_bouncing()
    {
        var (desk, mailbox) = await SetUpAsync();
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.CarlaEmail, "Bounce me");
        var ours = OwnMessageId.For(number, 41, "desk.example", await SecretAsync());
        var bounce = $"""
            From: Mail Delivery System <MAILER-DAEMON@mx.beta.example>
            To: {mailbox.Address}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <{Id()}>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            Your message could not be delivered.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.beta.example

            Final-Recipient: rfc822; {desk.CarlaEmail}
            Action: failed
            Status: 5.1.1

            --b1
            Content-Type: text/rfc822-headers

            From: support@desk.example
            To: {desk.CarlaEmail}
            Subject: Re: Bounce me
            Message-ID: <{ours}>

            --b1--
            """;

        var outcome = await ImportAsync(mailbox.Id, Encoding.UTF8.GetBytes(bounce.Replace("\n", "\r\n", StringComparison.Ordinal)));

        Assert.Equal((ImportOutcomeKind.Ignored, number), (outcome.Kind, outcome.TicketId));
        await using var db = factory.CreateDb();
        var note = await db.Messages.Where(m => m.TicketId == number).OrderByDescending(m => m.Id).FirstAsync();
        Assert.Equal(Visibility.Internal, note.Visibility);
        Assert.Contains($"Mail to {desk.CarlaEmail} bounced (status 5.1.1)", note.Body);
        Assert.NotNull((await db.Customers.SingleAsync(c => c.Email == desk.CarlaEmail)).EmailBouncingSince);
        Assert.Equal(1, await db.Messages.CountAsync(m => m.TicketId == number && m.Visibility == Visibility.Public));

        // Carla writing to us again proves the address works.
        await ImportAsync(mailbox.Id, Mail(desk.CarlaEmail, mailbox.Address, "I am back", "Hello.", id: Id()));
        await using var again = factory.CreateDb();
        Assert.Null((await again.Customers.SingleAsync(c => c.Email == desk.CarlaEmail)).EmailBouncingSince);
    }

    [Fact]
    public async Task Cc_addresses_that_are_not_ours_nor_agents_take_part_when_the_mailbox_says_so()
    {
        var (desk, mailbox) = await SetUpAsync();
        var (_, quiet) = await SetUpAsync(desk, ccParticipate: false);
        var stranger = $"Pat Partner <pat.{desk.Suffix}@partner.example>";
        var cc = $"{stranger}, bruno.{desk.Suffix}@acme.example, sam.{desk.Suffix}@desk.example, {quiet.Address}";

        var outcome = await ImportAsync(mailbox.Id, Mail(desk.AnaEmail, mailbox.Address, "With Cc", "Hello all.", id: Id(), cc: cc));
        var quietOutcome = await ImportAsync(quiet.Id, Mail(desk.AnaEmail, quiet.Address, "With Cc, quiet", "Hello all.", id: Id(), cc: cc));

        await using var db = factory.CreateDb();
        var participants = await db.Set<TicketParticipant>().Where(p => p.TicketId == outcome.TicketId)
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => c).ToListAsync();
        Assert.Equal([$"bruno.{desk.Suffix}@acme.example", $"pat.{desk.Suffix}@partner.example"], participants.Select(c => c.Email).Order().ToList());
        Assert.Equal("Pat Partner", participants.Single(c => c.Email.StartsWith("pat.", StringComparison.Ordinal)).Name);
        Assert.Equal(0, await db.Set<TicketParticipant>().CountAsync(p => p.TicketId == quietOutcome.TicketId));
    }

    [Fact]
    public async Task An_inline_image_is_kept_as_an_attachment_and_shown_in_the_message()
    {
        var (desk, mailbox) = await SetUpAsync();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var raw = $"""
            From: {desk.AnaEmail}
            To: {mailbox.Address}
            Subject: Screenshot of the error
            Message-ID: <{Id()}>
            MIME-Version: 1.0
            Content-Type: multipart/related; boundary="rel"

            --rel
            Content-Type: text/html; charset=utf-8

            <p>See the error:</p><p><img src="cid:shot1@client"></p><script>alert(1)</script>
            --rel
            Content-Type: image/png; name="shot.png"
            Content-Transfer-Encoding: base64
            Content-ID: <shot1@client>
            Content-Disposition: inline; filename="shot.png"

            {Convert.ToBase64String(png)}
            --rel
            Content-Type: application/pdf; name="report.pdf"
            Content-Disposition: attachment; filename="report.pdf"
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4 fake"))}
            --rel
            Content-Type: application/octet-stream; name="virus.exe"
            Content-Disposition: attachment; filename="virus.exe"
            Content-Transfer-Encoding: base64

            TVqQAAMAAAAEAAAA
            --rel--
            """;

        var outcome = await ImportAsync(mailbox.Id, Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var messages = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{outcome.TicketId}/messages");
        var message = messages["items"]!.AsArray().Single()!;
        var attachments = message["attachments"]!.AsArray();
        Assert.Equal(["report.pdf", "shot.png"], attachments.Select(a => a!["fileName"]!.GetValue<string>()).Order().ToList());
        var imageId = attachments.Single(a => a!["fileName"]!.GetValue<string>() == "shot.png")!["id"]!.GetValue<int>();
        Assert.Contains($"<img src=\"/api/v1/attachments/{imageId}\"", message["bodyHtml"]!.GetValue<string>());
        Assert.DoesNotContain("<script", message["bodyHtml"]!.GetValue<string>());
        Assert.Contains("virus.exe", message["body"]!.GetValue<string>());
        var image = await desk.AgentInSupport.GetAsync($"/api/v1/attachments/{imageId}");
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        // The requester sees the picture of their own message too.
        Assert.Equal(HttpStatusCode.OK, (await desk.Ana.GetAsync($"/api/v1/attachments/{imageId}")).StatusCode);
    }

    [Fact]
    public async Task Legacy_charsets_come_out_as_UTF8()
    {
        var (desk, mailbox) = await SetUpAsync();
        var head = $"From: =?ISO-8859-1?Q?Jos=E9_Ara=FAjo?= <jose.{desk.Suffix}@client.example>\r\nTo: {mailbox.Address}\r\nSubject: =?iso-8859-1?q?Informa=E7=E3o?=\r\nMessage-ID: <{Id()}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        var raw = Encoding.ASCII.GetBytes(head).Concat(Encoding.Latin1.GetBytes("Não consigo acessar a página de ações.\r\n")).ToArray();

        var outcome = await ImportAsync(mailbox.Id, raw);

        await using var db = factory.CreateDb();
        var ticket = await db.Tickets.Include(t => t.Requester).Include(t => t.Messages).SingleAsync(t => t.Id == outcome.TicketId);
        Assert.Equal("Informação", ticket.Subject);
        Assert.Equal("José Araújo", ticket.Requester.Name);
        Assert.Equal("Não consigo acessar a página de ações.", ticket.Messages.Single().Body);
    }

    [Fact]
    public async Task Mail_without_a_usable_sender_opens_a_ticket_for_the_unknown_sender_which_is_never_mailed()
    {
        var (_, mailbox) = await SetUpAsync();
        var raw = Encoding.ASCII.GetBytes($"From: Whomever\r\nTo: {mailbox.Address}\r\nSubject: whatever\r\nMessage-ID: <{Id()}>\r\n\r\nHello?\r\n");
        var outcome = await ImportAsync(mailbox.Id, raw);
        Assert.Equal(ImportOutcomeKind.CreatedTicket, outcome.Kind);
        await using var db = factory.CreateDb();
        var requester = await db.Tickets.Where(t => t.Id == outcome.TicketId).Select(t => t.Requester).SingleAsync();
        Assert.Equal(ImportMail.UnknownSenderAddress, requester.Email);
        Assert.NotNull(requester.EmailBouncingSince);
    }

    private int _seq;

    private string Id() => $"m{Interlocked.Increment(ref _seq)}.{Guid.NewGuid():N}@client.example";

    private async Task<(Desk Desk, Mailbox Mailbox)> SetUpAsync(Desk? desk = null, bool ccParticipate = true)
    {
        desk ??= await Desk.BuildAsync(factory);
        await using var db = factory.CreateDb();
        var mailbox = new Mailbox("Support", $"support.{Guid.NewGuid():N}@desk.example", factory.Clock.GetUtcNow().UtcDateTime)
        {
            TeamId = desk.SupportTeamId,
            Priority = Priority.High,
            CcParticipate = ccParticipate,
        };
        db.Mailboxes.Add(mailbox);
        await db.SaveChangesAsync();
        return (desk, mailbox);
    }

    private async Task<byte[]> SecretAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MailTokenSecret>().GetAsync(scope.ServiceProvider.GetRequiredService<Atende.Persistence.AtendeDb>(), default);
    }

    private async Task<ImportOutcome> ImportAsync(int mailboxId, byte[] raw)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportMail>().HandleAsync(mailboxId, raw, default);
    }

    internal static byte[] Mail(string from, string to, string subject, string text, string? id, string? inReplyTo = null,
        IReadOnlyList<string>? references = null, string? cc = null, string extraHeaders = "")
    {
        var head = new StringBuilder();
        head.Append("From: ").Append(from).Append("\r\n");
        head.Append("To: ").Append(to).Append("\r\n");
        if (cc is not null)
        {
            head.Append("Cc: ").Append(cc).Append("\r\n");
        }
        head.Append("Subject: ").Append(subject).Append("\r\n");
        head.Append("Date: Mon, 02 Nov 2026 12:00:00 +0000\r\n");
        if (id is not null)
        {
            head.Append("Message-ID: <").Append(id).Append(">\r\n");
        }
        if (inReplyTo is not null)
        {
            head.Append("In-Reply-To: <").Append(inReplyTo).Append(">\r\n");
        }
        if (references is { Count: > 0 })
        {
            head.Append("References: ").Append(string.Join(' ', references.Select(r => $"<{r}>"))).Append("\r\n");
        }
        head.Append(extraHeaders);
        head.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        head.Append(text);
        return Encoding.UTF8.GetBytes(head.ToString());
    }
}
