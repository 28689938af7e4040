using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Bench.Generation;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Bench;

/// <summary>
/// `outbox`: how many ticket events per second one node's outbox dispatcher works through, with every handler Atende
/// registers (rules, routing, SLA, notifications, webhooks, surveys) and <c>--rules</c> active automation rules.
/// Issue 5's target: 1,000 events per second on PostgreSQL, so a busy desk's automation never falls behind.
/// Run it on an empty database: it creates its own tickets.
/// </summary>
internal static class OutboxThroughput
{
    public static async Task<int> ExecuteAsync(string[] args, TextWriter log)
    {
        GenerateOptions database;
        try
        {
            database = GenerateOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await log.WriteLineAsync("outbox: " + e.Message);
            return 2;
        }
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var events = int.Parse(Value("--events", "5000"), CultureInfo.InvariantCulture);
        var ticketCount = int.Parse(Value("--desk-tickets", "200"), CultureInfo.InvariantCulture);
        var ruleCount = int.Parse(Value("--rules", "50"), CultureInfo.InvariantCulture);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Atende"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAtende(configuration, Directory.GetCurrentDirectory());
        await using var provider = services.BuildServiceProvider();
        await AtendeServices.PrepareDatabaseAsync(provider, database.AdminEmail, database.AdminPassword, CancellationToken.None);
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();

        var ticketIds = await OpenTicketsAsync(provider, ticketCount);
        await AddRulesAsync(provider, ruleCount);
        await DrainAsync(dispatcher);
        await log.WriteLineAsync($"desk: {ticketIds.Count} tickets, {ruleCount} active rules; queueing {events} ticket events...");

        var produce = Stopwatch.StartNew();
        await QueueEventsAsync(provider, ticketIds, events);
        produce.Stop();

        var drain = Stopwatch.StartNew();
        var handled = await DrainAsync(dispatcher);
        drain.Stop();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"queued  {events,7} events in {produce.Elapsed.TotalSeconds,6:F1} s = {events / produce.Elapsed.TotalSeconds,8:F0}/s (ticket changes saved with their events)"));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"handled {handled,7} events in {drain.Elapsed.TotalSeconds,6:F1} s = {handled / drain.Elapsed.TotalSeconds,8:F0}/s (one dispatcher, all handlers)"));
        return handled >= events ? 0 : 1;
    }

    private static async Task<List<int>> OpenTicketsAsync(IServiceProvider provider, int count)
    {
        var ids = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var open = scope.ServiceProvider.GetRequiredService<OpenTicket>();
            var ticket = await open.HandleAsync(new OpenTicketRequest(
                $"Bench ticket {i}", "The VPN drops every ten minutes since Monday.",
                new RequesterInput($"bench-{i % 50}@client.example", $"Bench Customer {i % 50}"),
                Tags: i % 3 == 0 ? ["vpn"] : null), Caller.System, CancellationToken.None);
            ids.Add(ticket.Id);
        }
        return ids;
    }

    /// <summary>
    /// Rules on "ticket updated" with the conditions `rules` times, each adding the tag its guard looks for: the first
    /// that matches changes the ticket (one more event, one step deep) and after that none matches it again.
    /// </summary>
    private static async Task AddRulesAsync(IServiceProvider provider, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Automation.CreateAutomationRule>().HandleAsync(new Automation.CreateAutomationRuleRequest
            {
                Name = $"Bench rule {i}",
                Trigger = JsonNode.Parse("""{"event":"ticket.updated"}"""),
                // Guarded as a desk writes them, so a rule does its work once instead of on every later event.
                Conditions = JsonNode.Parse($$"""{"all":[{{RuleEvaluation.Shapes[i % RuleEvaluation.Shapes.Length]}},{"field":"tags","operator":"notContains","value":"triaged"}]}"""),
                Actions = JsonNode.Parse("""[{"type":"addTag","value":"triaged"}]"""),
            }, Caller.System, CancellationToken.None);
        }
    }

    /// <summary>Priority changes round the desk, saved 100 tickets at a time: each one writes a ticket.updated event.</summary>
    private static async Task QueueEventsAsync(IServiceProvider provider, List<int> ticketIds, int events)
    {
        Priority[] cycle = [Priority.High, Priority.Normal, Priority.Low, Priority.Urgent];
        for (var done = 0; done < events;)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
            var batch = Math.Min(100, events - done);
            var ids = Enumerable.Range(done, batch).Select(e => ticketIds[e % ticketIds.Count]).Distinct().ToList();
            var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync();
            var now = DateTime.UtcNow;
            foreach (var ticket in tickets)
            {
                ticket.ChangePriority(cycle[(Array.IndexOf(cycle, ticket.Priority) + 1) % cycle.Length], Caller.System, now);
            }
            await db.SaveChangesAsync();
            done += tickets.Count;
        }
    }

    private static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        var total = 0;
        for (int handled; (handled = await dispatcher.DispatchOnceAsync(CancellationToken.None)) > 0;)
        {
            total += handled;
        }
        return total;
    }
}
