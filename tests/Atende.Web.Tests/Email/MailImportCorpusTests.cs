using Atende.Email;
using Atende.Tests.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Atende.Web.Tests.Email;

/// <summary>Real mail from outside (ATENDE_TEST_DATA) through the whole import, into the real database.</summary>
public sealed class MailImportCorpusTests(AtendeFactory factory, ITestOutputHelper output) : IClassFixture<AtendeFactory>
{
    [MailCorpusFact]
    public async Task Every_stalwart_message_imports()
    {
        var mailbox = await MailboxAsync();
        var counts = new Dictionary<ImportOutcomeKind, int>();
        foreach (var folder in new[] { "legacy", "rfc", "thirdparty" })
        {
            foreach (var file in Directory.GetFiles(MailCorpus.Folder("stalwart-mail-parser", folder), "*.eml").Order(StringComparer.Ordinal))
            {
                var outcome = await ImportAsync(mailbox.Id, await File.ReadAllBytesAsync(file));
                counts[outcome.Kind] = counts.GetValueOrDefault(outcome.Kind) + 1;
                Assert.True(outcome.Kind != ImportOutcomeKind.Failed, $"{folder}/{Path.GetFileName(file)}: {outcome.Reason}");
            }
        }
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        Assert.True(counts.GetValueOrDefault(ImportOutcomeKind.CreatedTicket) > 50);
    }

    [MailCorpusFact]
    public async Task Every_malformed_message_imports_or_is_kept_raw_and_none_throws()
    {
        var mailbox = await MailboxAsync();
        var failed = 0;
        foreach (var file in Directory.GetFiles(MailCorpus.Folder("stalwart-mail-parser", "malformed"), "*.eml").Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var outcome = await ImportAsync(mailbox.Id, bytes);
            output.WriteLine($"{Path.GetFileName(file)}: {outcome.Kind} {outcome.Reason}");
            if (outcome.Kind == ImportOutcomeKind.Failed)
            {
                failed++;
                await using var db = factory.CreateDb();
                Assert.Equal(bytes, (await db.FailedMails.SingleAsync(f => f.Id == outcome.FailedMailId)).Raw);
            }
        }
        output.WriteLine($"{failed} kept as failed");
    }

    [MailCorpusTheory]
    [InlineData("mimekit", "messages", "bounce.txt")]
    [InlineData("mimekit", "messages", "delivery-status.txt")]
    [InlineData("mimekit", "messages", "delivery-status2.txt")]
    [InlineData("mimekit", "messages", "delivery-status-multiple-blank-lines.txt")]
    [InlineData("mimekit", "messages", "delivery-status-no-blank-line.txt")]
    [InlineData("mimekit", "messages", "delivery-status.anonymized.eml")]
    [InlineData("mimekit", "messages", "disposition-notification.txt")]
    [InlineData("mimekit", "messages", "disposition-notification.anonymized.eml")]
    [InlineData("mimekit", "messages", "feedback-report.txt")]
    [InlineData("chatwoot", "bounced_gmail.eml", null)]
    [InlineData("chatwoot", "non_utf_encoded_mail.eml", null)]
    public async Task Bounces_receipts_and_auto_replies_create_nothing(string folder, string fileOrSub, string? file)
    {
        var mailbox = await MailboxAsync();
        var bytes = file is null ? MailCorpus.Read(folder, fileOrSub) : MailCorpus.Read(folder, fileOrSub, file);
        int tickets, messages;
        await using (var db = factory.CreateDb())
        {
            (tickets, messages) = (await db.Tickets.CountAsync(), await db.Messages.CountAsync());
        }
        var outcome = await ImportAsync(mailbox.Id, bytes);
        // Some samples share a Message-ID: the second is then a duplicate of the first, which was ignored.
        Assert.True(outcome.Kind == ImportOutcomeKind.Ignored || (outcome.Kind == ImportOutcomeKind.Duplicate && outcome.TicketId is null), outcome.ToString());
        await using (var db = factory.CreateDb())
        {
            Assert.Equal((tickets, messages), (await db.Tickets.CountAsync(), await db.Messages.CountAsync()));
        }
    }

    private async Task<Mailbox> MailboxAsync()
    {
        await using var db = factory.CreateDb();
        var mailbox = new Mailbox("Corpus", $"corpus.{Guid.NewGuid():N}@desk.example", factory.Clock.GetUtcNow().UtcDateTime);
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

/// <summary>A theory over the mail test data, skipped like <see cref="MailCorpusFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MailCorpusTheoryAttribute : TheoryAttribute
{
    public MailCorpusTheoryAttribute()
    {
        Skip = new MailCorpusFactAttribute().Skip;
    }
}
