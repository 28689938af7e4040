using Atende.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Email;

/// <summary>The application with SMTP pointing at an in-process <see cref="SmtpSink"/>.</summary>
public sealed class SmtpFactory : AtendeFactory
{
    public SmtpSink Sink { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Atende:Smtp:Host"] = "127.0.0.1",
        ["Atende:Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Atende:Smtp:Security"] = "None",
        ["Atende:Smtp:From"] = "Help Desk <help@desk.example>",
        // The tests send themselves; the background loop only looks once at start.
        ["Atende:Smtp:PollSeconds"] = "3600",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Sink.Dispose();
        }
    }
}

public sealed class OutboundEmailDeliveryTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task Queued_emails_are_sent_through_SMTP_once()
    {
        var to = Unique("ana");
        await QueueAsync(to, "Olá", "Corpo em português: ação.");

        var sent = await DeliverAsync();

        Assert.True(sent >= 1);
        var message = Assert.Single(factory.Sink.Received, m => m.To.Mailboxes.Any(a => a.Address == to));
        Assert.Equal("Olá", message.Subject);
        Assert.Equal("help@desk.example", message.From.Mailboxes.Single().Address);
        Assert.Contains("ação", message.TextBody);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.StartsWith("atende-", message.MessageId);
        await using (var db = factory.CreateDb())
        {
            var row = await db.OutboundEmails.SingleAsync(e => e.To == to);
            Assert.NotNull(row.SentAt);
        }
        await DeliverAsync();
        Assert.Single(factory.Sink.Received, m => m.To.Mailboxes.Any(a => a.Address == to));
    }

    [Fact]
    public async Task A_refused_email_is_retried_with_backoff_and_then_sent()
    {
        var to = Unique("retry");
        await QueueAsync(to, "Retry me", "Body");
        factory.Sink.Refuse = true;
        try
        {
            await DeliverAsync();
        }
        finally
        {
            factory.Sink.Refuse = false;
        }
        await using (var db = factory.CreateDb())
        {
            var row = await db.OutboundEmails.SingleAsync(e => e.To == to);
            Assert.Null(row.SentAt);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("Try again later", row.LastError);
            Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime + DeliverOutboundEmails.Backoff(1), row.NextAttemptAt);
        }

        await DeliverAsync();
        Assert.DoesNotContain(factory.Sink.Received, m => m.To.Mailboxes.Any(a => a.Address == to));

        factory.Clock.Advance(DeliverOutboundEmails.Backoff(1));
        await DeliverAsync();
        Assert.Single(factory.Sink.Received, m => m.To.Mailboxes.Any(a => a.Address == to));
    }

    [Fact]
    public async Task Two_nodes_sending_at_once_send_each_email_once()
    {
        var recipients = Enumerable.Range(0, 12).Select(i => Unique($"pair{i}")).ToList();
        foreach (var to in recipients)
        {
            await QueueAsync(to, "Once", "Body");
        }

        await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());

        foreach (var to in recipients)
        {
            Assert.Single(factory.Sink.Received, m => m.To.Mailboxes.Any(a => a.Address == to));
        }
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), DeliverOutboundEmails.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(2), DeliverOutboundEmails.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(64), DeliverOutboundEmails.Backoff(7));
        Assert.Equal(TimeSpan.FromMinutes(120), DeliverOutboundEmails.Backoff(20));
    }

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@mail.example";

    private async Task QueueAsync(string to, string subject, string body)
    {
        await using var db = factory.CreateDb();
        db.OutboundEmails.Add(new OutboundEmail("test", to, "Test Person", "pt-BR", subject, body, null, null, factory.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    /// <summary>One round of a node's sender, in its own scope as the background service runs it.</summary>
    private async Task<int> DeliverAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverOutboundEmails>().HandleAsync(CancellationToken.None);
    }
}
