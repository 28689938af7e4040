using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Catalog;
using Atende.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Email;

/// <summary>
/// Mail that cannot be imported is kept raw, listed for admins, downloadable byte for byte and retried after a fix.
/// Its own database: the "fix" here is the desk's configuration (no status of category New, then one again).
/// </summary>
public sealed class FailedMailTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task A_mail_that_cannot_be_imported_is_kept_raw_listed_and_imported_by_a_retry_after_the_fix()
    {
        var desk = await Desk.BuildAsync(factory);
        var mailbox = await MailboxAsync();
        var raw = MailImportTests.Mail($"Erin <erin.{desk.Suffix}@client.example>", mailbox.Address, "Broken desk", "Please help.", id: $"{Guid.NewGuid():N}@client.example");
        List<int> newStatuses;
        await using (var db = factory.CreateDb())
        {
            newStatuses = await db.Statuses.Where(s => s.Category == StatusCategory.New).Select(s => s.Id).ToListAsync();
            await db.Statuses.Where(s => newStatuses.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Category, StatusCategory.Open));
        }

        var outcome = await ImportAsync(mailbox.Id, raw);
        var again = await ImportAsync(mailbox.Id, raw);

        Assert.Equal(ImportOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("No status of category New", outcome.Reason);
        // A second failure of the same mail is the same row, counted.
        Assert.Equal((ImportOutcomeKind.Failed, outcome.FailedMailId), (again.Kind, again.FailedMailId));
        await using (var db = factory.CreateDb())
        {
            var row = await db.FailedMails.SingleAsync(f => f.Id == outcome.FailedMailId);
            Assert.Equal(raw, row.Raw);
            Assert.Equal(2, row.Attempts);
            Assert.Equal(0, await db.ImportedMails.CountAsync(m => m.MailboxId == mailbox.Id));
            Assert.Equal(0, await db.Tickets.CountAsync(t => t.Subject == "Broken desk"));
        }

        var list = await desk.Admin.GetAsync($"/api/v1/mailboxes/{mailbox.Id}/failed-messages");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var item = (await list.Content.ReadFromJsonAsync<JsonArray>())!.Single()!;
        Assert.Equal("Broken desk", item["subject"]!.GetValue<string>());
        Assert.Equal($"erin.{desk.Suffix}@client.example", item["from"]!.GetValue<string>());
        Assert.Contains("No status of category New", item["error"]!.GetValue<string>());
        Assert.Null(item["raw"]);
        var all = await desk.Admin.GetFromJsonAsync<JsonArray>("/api/v1/mailboxes/failed-messages");
        Assert.Contains(all!, f => f!["id"]!.GetValue<int>() == outcome.FailedMailId && f["mailboxName"]!.GetValue<string>() == "Support");
        var download = await desk.Admin.GetAsync($"/api/v1/mailboxes/{mailbox.Id}/failed-messages/{outcome.FailedMailId}/raw");
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(raw, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.GetAsync($"/api/v1/mailboxes/{mailbox.Id}/failed-messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/failed-messages/{outcome.FailedMailId}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/mailboxes/{mailbox.Id + 1000}/failed-messages/{outcome.FailedMailId}/raw")).StatusCode);

        // Still broken: the retry fails and says so.
        var stillBroken = await (await desk.Admin.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/failed-messages/{outcome.FailedMailId}/retry", null)).JsonAsync();
        Assert.Equal("failed", stillBroken["kind"]!.GetValue<string>());

        await using (var db = factory.CreateDb())
        {
            await db.Statuses.Where(s => newStatuses.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Category, StatusCategory.New));
        }
        var retry = await desk.Admin.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/failed-messages/{outcome.FailedMailId}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var imported = await retry.JsonAsync();
        Assert.Equal("createdTicket", imported["kind"]!.GetValue<string>());
        var ticketId = imported["ticketId"]!.GetValue<int>();

        await using (var db = factory.CreateDb())
        {
            var row = await db.FailedMails.SingleAsync(f => f.Id == outcome.FailedMailId);
            Assert.NotNull(row.ResolvedAt);
            Assert.Equal(ticketId, row.TicketId);
            Assert.Equal("Broken desk", (await db.Tickets.SingleAsync(t => t.Id == ticketId)).Subject);
        }
        Assert.Empty((await desk.Admin.GetFromJsonAsync<JsonArray>($"/api/v1/mailboxes/{mailbox.Id}/failed-messages"))!);
        Assert.Single((await desk.Admin.GetFromJsonAsync<JsonArray>($"/api/v1/mailboxes/{mailbox.Id}/failed-messages?includeResolved=true"))!);
        // Resolved is resolved: a second retry is refused rather than importing again.
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/failed-messages/{outcome.FailedMailId}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task A_mail_too_large_to_read_is_kept_raw()
    {
        var mailbox = await MailboxAsync();
        var raw = new byte[InboundMail.MaxBytes + 1];
        Array.Fill(raw, (byte)'a');
        var outcome = await ImportAsync(mailbox.Id, raw);
        Assert.Equal(ImportOutcomeKind.Failed, outcome.Kind);
        await using var db = factory.CreateDb();
        Assert.Equal(raw.LongLength, (await db.FailedMails.SingleAsync(f => f.Id == outcome.FailedMailId)).Raw.LongLength);
    }

    private async Task<Mailbox> MailboxAsync()
    {
        await using var db = factory.CreateDb();
        var mailbox = new Mailbox("Support", $"support.{Guid.NewGuid():N}@desk.example", factory.Clock.GetUtcNow().UtcDateTime);
        db.Mailboxes.Add(mailbox);
        await db.SaveChangesAsync();
        return mailbox;
    }

    private async Task<ImportOutcome> ImportAsync(int mailboxId, byte[] raw)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportMail>().HandleAsync(mailboxId, raw, default);
    }
}
