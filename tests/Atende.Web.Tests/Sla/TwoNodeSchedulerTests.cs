using System.Text.Json;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Sla;

/// <summary>
/// Two host instances (two "nodes", each with its own service provider and scheduler) against ONE database, both
/// firing timers at once: every due event reaches the outbox exactly once. Run with ATENDE_TEST_PROVIDER=Postgres
/// for real row locks (FOR UPDATE SKIP LOCKED); on SQLite the single writer does the same job.
/// </summary>
public sealed class TwoNodeSchedulerTests : IAsyncLifetime
{
    private const int Events = 200;
    private const string Type = "test.tick";
    private readonly AtendeFactory _first = new();
    private AtendeNode? _second;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new AtendeNode(_first);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
        await ((IAsyncLifetime)_first).DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_running_the_scheduler_at_once_write_every_due_event_to_the_outbox_exactly_once()
    {
        var desk = await Desk.BuildAsync(_first);
        var tickets = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            tickets.Add(await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Timer host {i}"));
        }
        var now = _first.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _first.CreateDb())
        {
            for (var i = 0; i < Events; i++)
            {
                await ScheduledEvent.ScheduleAsync(db, Type, tickets[i % tickets.Count], $"tick:{i}", now.AddSeconds(30 + i % 7), default);
            }
            await db.SaveChangesAsync();
        }

        // Both nodes' clocks pass the due times; each node's scheduler fires in several concurrent loops
        // (its background loop keeps running too).
        _first.Clock.Advance(TimeSpan.FromMinutes(1));
        _second!.Clock.Advance(TimeSpan.FromMinutes(1));
        var schedulers = new[]
        {
            _first.Services.GetRequiredService<FireScheduledEvents>(),
            _second.Services.GetRequiredService<FireScheduledEvents>(),
        };
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var scheduler = schedulers[i % 2];
            while (await scheduler.FireOnceAsync(default) > 0)
            {
            }
        })));
        // A claim the background loop holds is finished by it within moments.
        for (var i = 0; i < 100 && await _first.CreateDb().ScheduledEvents.AnyAsync(e => e.Type == Type); i++)
        {
            await Task.Delay(100);
            await schedulers[i % 2].FireOnceAsync(default);
        }

        await using var check = _first.CreateDb();
        Assert.False(await check.ScheduledEvents.AnyAsync(e => e.Type == Type));
        var fired = (await check.Outbox.AsNoTracking().Where(m => m.Type == Type).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<TicketEvent>(p)!)
            .ToList();
        Assert.Equal(Events, fired.Count);
        Assert.Equal(Events, fired.Select(e => e.Fields.Single()).Distinct().Count());
        Assert.All(fired, e => Assert.Equal(tickets[int.Parse(e.Fields[0]["tick:".Length..], System.Globalization.CultureInfo.InvariantCulture) % tickets.Count], e.TicketNumber));
    }
}
