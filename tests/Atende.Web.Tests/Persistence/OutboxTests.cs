using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Persistence;

public sealed class OutboxTests(OutboxTests.WithRecordingHandler factory) : IClassFixture<OutboxTests.WithRecordingHandler>
{
    /// <summary>Counts what it sees, and fails the first time it meets a ticket whose subject asks for it.</summary>
    public sealed class RecordingHandler : IOutboxHandler
    {
        public ConcurrentBag<(long Id, string Type)> Seen { get; } = [];
        private readonly ConcurrentDictionary<long, int> _failures = new();

        public string Name => "test.recording";

        public bool Handles(string type) => true;

        public Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
        {
            var ev = JsonSerializer.Deserialize<TicketEvent>(message.Payload)!;
            if (db.Tickets.Any(t => t.Id == ev.TicketNumber && t.Subject.StartsWith("fail once")) && _failures.AddOrUpdate(message.Id, 1, (_, n) => n + 1) == 1)
            {
                throw new InvalidOperationException("simulated failure");
            }
            Seen.Add((message.Id, message.Type));
            return Task.CompletedTask;
        }
    }

    public sealed class WithRecordingHandler : AtendeFactory
    {
        public RecordingHandler Handler { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IOutboxHandler>(Handler));
        }
    }

    [Fact]
    public async Task Every_ticket_change_writes_an_event_in_the_same_transaction_and_the_dispatcher_runs_handlers_once()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "high", status = "in_progress" });
        await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "note", visibility = "internal" });
        await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "thanks" });

        var events = await factory.CreateDb().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        var mine = events.Where(e => JsonSerializer.Deserialize<TicketEvent>(e.Payload)!.TicketNumber == number).ToList();
        Assert.Equal([TicketEvents.Created, TicketEvents.Updated, TicketEvents.NoteAdded, TicketEvents.MessageFromCustomer], mine.Select(e => e.Type));
        var update = JsonSerializer.Deserialize<TicketEvent>(mine[1].Payload)!;
        Assert.Equal(["priority", "status"], update.Fields.Order());

        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        await DrainAsync(dispatcher);
        foreach (var e in mine)
        {
            Assert.Single(factory.Handler.Seen, s => s.Id == e.Id);
        }
        Assert.All(await factory.CreateDb().Outbox.AsNoTracking().Where(m => mine.Select(x => x.Id).Contains(m.Id)).ToListAsync(), m => Assert.NotNull(m.ProcessedAt));
    }

    [Fact]
    public async Task A_failing_handler_is_retried_later_and_succeeds_exactly_once()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "fail once please");
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        await DrainAsync(dispatcher);

        var db = factory.CreateDb();
        var message = (await db.Outbox.AsNoTracking().ToListAsync()).Single(m => JsonSerializer.Deserialize<TicketEvent>(m.Payload)!.TicketNumber == number);
        Assert.Null(message.ProcessedAt);
        Assert.Equal("simulated failure", message.LastError);
        Assert.DoesNotContain(factory.Handler.Seen, s => s.Id == message.Id);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await DrainAsync(dispatcher);
        Assert.Single(factory.Handler.Seen, s => s.Id == message.Id);
        Assert.NotNull((await factory.CreateDb().Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id)).ProcessedAt);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_handle_each_event_exactly_once()
    {
        var desk = await Desk.BuildAsync(factory);
        var numbers = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            numbers.Add(await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Burst {i}"));
        }
        // A second node: its own dispatcher instance over the same database and handlers.
        var first = factory.Services.GetRequiredService<OutboxDispatcher>();
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(factory.Services);
        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        var ids = (await factory.CreateDb().Outbox.AsNoTracking().ToListAsync())
            .Where(m => numbers.Contains(JsonSerializer.Deserialize<TicketEvent>(m.Payload)!.TicketNumber))
            .Select(m => m.Id)
            .ToList();
        Assert.Equal(30, ids.Count);
        foreach (var id in ids)
        {
            Assert.Single(factory.Handler.Seen, s => s.Id == id);
        }
    }

    /// <summary>
    /// The background loop runs too; looping here until nothing is due, and until no batch the background loop
    /// claimed is still in flight (a whole batch commits at once), keeps the test deterministic.
    /// </summary>
    private async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 50 && await dispatcher.DispatchOnceAsync(default) > 0; i++)
            {
            }
            for (var i = 0; i < 200 && await factory.CreateDb().Outbox.AnyAsync(m => m.ProcessedAt == null && m.LockedBy != null); i++)
            {
                await Task.Delay(50);
            }
        }
    }
}
