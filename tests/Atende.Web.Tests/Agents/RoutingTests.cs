using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Agents;
using Atende.Persistence;
using Atende.Tickets;
using Atende.Web.Tests.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Agents;

public sealed class RoutingTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static string TeamUrl(int id) => $"/api/v1/teams/{id}";

    /// <summary>A team of <paramref name="size"/> agents routed by <paramref name="assignment"/>; returns its id and agent ids.</summary>
    private async Task<(int TeamId, List<int> AgentIds)> TeamAsync(Desk desk, int size, object assignment, string[][]? skills = null)
    {
        using var scope = factory.Services.CreateScope();
        var team = await scope.ServiceProvider.GetRequiredService<CreateTeam>()
            .HandleAsync(new CreateTeamRequest($"Routed {Guid.NewGuid():N}"[..30]), Caller.System, default);
        var create = scope.ServiceProvider.GetRequiredService<CreateAgent>();
        var ids = new List<int>();
        for (var i = 0; i < size; i++)
        {
            var email = $"r{i}.{Guid.NewGuid():N}@desk.example";
            ids.Add((await create.HandleAsync(new CreateAgentRequest(email, $"Router {i}", AgentRole.Agent, [team.Id], skills?[i], Desk.Password), Caller.System, default)).Id);
        }
        await desk.Admin.ChangeAsync(TeamUrl(team.Id), new { assignment });
        return (team.Id, ids);
    }

    /// <summary>Runs the outbox until nothing is due, with several dispatch loops at once (as several nodes would).</summary>
    private async Task DrainAsync(int loops = 1, Task? whileRunning = null)
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        async Task Loop()
        {
            while (true)
            {
                var done = whileRunning is null || whileRunning.IsCompleted;
                if (await dispatcher.DispatchOnceAsync(default) == 0)
                {
                    if (done)
                    {
                        return;
                    }
                    await Task.Delay(20);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(Loop)));
        if (whileRunning is not null)
        {
            await whileRunning;
        }
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        // The hosted dispatcher may hold a claim on the last batch: wait for it rather than miss its work.
        for (var i = 0; i < 200; i++)
        {
            var db = factory.CreateDb();
            var failed = await db.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null && m.LastError != null).Select(m => m.LastError).FirstOrDefaultAsync();
            Assert.Null(failed);
            if (!await db.Outbox.AnyAsync(m => m.ProcessedAt == null && m.AvailableAt <= now))
            {
                return;
            }
            await dispatcher.DispatchOnceAsync(default);
            await Task.Delay(50);
        }
        Assert.Fail("The outbox did not drain.");
    }

    private async Task<int?> AssigneeAsync(int number) =>
        await factory.CreateDb().Tickets.Where(t => t.Id == number).Select(t => t.AssigneeId).FirstAsync();

    private async Task<Dictionary<int, int>> LoadsAsync(List<int> agentIds)
    {
        var db = factory.CreateDb();
        var counts = await db.Tickets.Where(t => t.AssigneeId != null && agentIds.Contains(t.AssigneeId.Value))
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return agentIds.ToDictionary(a => a, a => counts.GetValueOrDefault(a));
    }

    [Fact]
    public async Task Admins_set_a_teams_assignment_and_lead_and_everyone_staff_reads_them()
    {
        var desk = await Desk.BuildAsync(factory);
        var team = await desk.Admin.GetJsonAsync(TeamUrl(desk.SupportTeamId));
        Assert.Equal("manual", team["assignment"]!["strategy"]!.GetValue<string>());
        Assert.Null(team["leadAgentId"]);

        var changed = await desk.Admin.ChangeAsync(TeamUrl(desk.SupportTeamId), new
        {
            leadAgentId = desk.SupportAgentId,
            assignment = new { strategy = "loadCapped", maxOpenPerAgent = 5, skillRouting = true, reassignAfterMinutes = 30, reassignWhenAway = true },
        });
        Assert.Equal(desk.SupportAgentId, changed["leadAgentId"]!.GetValue<int>());
        var read = await desk.AgentInInfra.GetJsonAsync(TeamUrl(desk.SupportTeamId));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "strategy": "loadCapped", "maxOpenPerAgent": 5, "skillRouting": true, "reassignAfterMinutes": 30, "reassignWhenAway": true }
            """), read["assignment"]));

        // Only what is sent changes.
        var partial = await desk.Admin.ChangeAsync(TeamUrl(desk.SupportTeamId), new { assignment = new { strategy = "leastOpen", reassignAfterMinutes = (int?)null } });
        Assert.Equal("leastOpen", partial["assignment"]!["strategy"]!.GetValue<string>());
        Assert.Equal(5, partial["assignment"]!["maxOpenPerAgent"]!.GetValue<int>());
        Assert.Null(partial["assignment"]!["reassignAfterMinutes"]);
        Assert.Equal(desk.SupportAgentId, partial["leadAgentId"]!.GetValue<int>());

        var cleared = await desk.Admin.ChangeAsync(TeamUrl(desk.SupportTeamId), new { leadAgentId = (int?)null });
        Assert.Null(cleared["leadAgentId"]);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await desk.AgentInSupport.PatchAsJsonAsync(TeamUrl(desk.SupportTeamId), new { assignment = new { strategy = "roundRobin" } })).StatusCode);
    }

    [Fact]
    public async Task Broken_assignment_settings_are_refused_with_the_field_named()
    {
        var desk = await Desk.BuildAsync(factory);
        var url = TeamUrl(desk.SupportTeamId);
        Assert.Equal(["assignment.maxOpenPerAgent"],
            await (await desk.Admin.PatchAsJsonAsync(url, new { assignment = new { strategy = "loadCapped" } })).ErrorFieldsAsync());
        Assert.Equal(["assignment.maxOpenPerAgent", "assignment.reassignAfterMinutes"],
            (await (await desk.Admin.PatchAsJsonAsync(url, new { assignment = new { maxOpenPerAgent = 0, reassignAfterMinutes = -5 } })).ErrorFieldsAsync()).Order());
        Assert.Equal(["leadAgentId"], await (await desk.Admin.PatchAsJsonAsync(url, new { leadAgentId = 999_999 })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Admin.PatchRawAsync(url, """{ "assignment": { "strategy": "lottery" } }""")).StatusCode);
        Assert.Equal("manual", (await desk.Admin.GetJsonAsync(url))["assignment"]!["strategy"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ticket_entering_a_round_robin_queue_goes_to_each_available_member_in_turn_as_the_system()
    {
        var desk = await Desk.BuildAsync(factory);
        var (teamId, agents) = await TeamAsync(desk, 3, new { strategy = "roundRobin" });
        var numbers = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            numbers.Add(await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: teamId));
        }
        await DrainAsync();

        // Dispatchers may take events out of order, so the turns are checked by count (the order has unit tests).
        Assert.All((await LoadsAsync(agents)).Values, n => Assert.Equal(2, n));
        var assignee = await AssigneeAsync(numbers[0]);
        var history = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{numbers[0]}/history");
        var assignment = history["items"]!.AsArray().Single(h => h!["field"]!.GetValue<string>() == "assignee")!;
        Assert.Equal($"Router {agents.IndexOf(assignee!.Value)}", assignment["to"]!.GetValue<string>());
        Assert.Equal("System", assignment["actor"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moving_a_ticket_to_a_team_or_removing_its_assignee_routes_it_and_a_manual_team_waits()
    {
        var desk = await Desk.BuildAsync(factory);
        var (teamId, agents) = await TeamAsync(desk, 2, new { strategy = "leastOpen" });
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        await DrainAsync();
        Assert.Null(await AssigneeAsync(number)); // Support is manual

        await desk.Admin.ChangeAsync($"/api/v1/tickets/{number}", new { teamId });
        await DrainAsync();
        var first = await AssigneeAsync(number);
        Assert.Contains(first!.Value, agents);

        await desk.Admin.ChangeAsync($"/api/v1/tickets/{number}", new { assigneeId = (int?)null });
        await DrainAsync();
        Assert.NotNull(await AssigneeAsync(number));
    }

    [Fact]
    public async Task Agents_who_are_away_get_nothing_and_hand_back_their_open_tickets_when_the_team_wants_it()
    {
        var desk = await Desk.BuildAsync(factory);
        var (teamId, agents) = await TeamAsync(desk, 2, new { strategy = "roundRobin", reassignWhenAway = true });
        var numbers = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add(await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: teamId));
        }
        await DrainAsync();
        Assert.Equal(2, (await LoadsAsync(agents))[agents[0]]);
        var handedBack = (await factory.CreateDb().Tickets.FirstAsync(t => numbers.Contains(t.Id) && t.AssigneeId == agents[0])).Id;

        // The agent steps away themselves.
        var me = await desk.SignInAsync((await factory.CreateDb().Agents.FirstAsync(a => a.Id == agents[0])).Email, Desk.Password);
        var away = await me.PatchAsJsonAsync($"/api/v1/agents/{agents[0]}", new { available = false });
        Assert.True(away.IsSuccessStatusCode, await away.Content.ReadAsStringAsync());
        await DrainAsync();
        Assert.Equal(new Dictionary<int, int> { [agents[0]] = 0, [agents[1]] = 4 }, await LoadsAsync(agents));
        var history = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{handedBack}/history");
        // Routed, handed back, routed again: every step by the system.
        Assert.Equal(3, history["items"]!.AsArray().Count(h => h!["field"]!.GetValue<string>() == "assignee" && h["actor"]!["name"]!.GetValue<string>() == "System"));

        var later = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: teamId);
        await DrainAsync();
        Assert.Equal(agents[1], await AssigneeAsync(later));
    }

    [Fact]
    public async Task Skill_routing_prefers_agents_whose_skills_match_the_tags_type_or_language()
    {
        var desk = await Desk.BuildAsync(factory);
        var (teamId, agents) = await TeamAsync(desk, 3, new { strategy = "roundRobin", skillRouting = true },
            [["billing"], ["pt-br"], []]);
        // Ana writes in pt-BR: only the Portuguese speaker gets her tickets.
        var portuguese = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            portuguese.Add(await AssigneeAfterAsync(await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: teamId)));
        }
        Assert.All(portuguese, a => Assert.Equal(agents[1], a));
        // Carla writes in English; a billing tag goes to the billing agent.
        var billing = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, teamId: teamId, extra: new { tags = new[] { "billing" } });
        Assert.Equal(agents[0], await AssigneeAfterAsync(billing));
        // Nothing matches: the whole team takes turns.
        var anyone = new HashSet<int?>();
        for (var i = 0; i < 3; i++)
        {
            anyone.Add(await AssigneeAfterAsync(await desk.OpenAsync(desk.Admin, desk.CarlaEmail, teamId: teamId)));
        }
        Assert.Equal(3, anyone.Count);
    }

    private async Task<int?> AssigneeAfterAsync(int number)
    {
        await DrainAsync();
        return await AssigneeAsync(number);
    }

    [Fact]
    public async Task A_load_capped_team_never_exceeds_the_cap_and_a_waiting_ticket_is_routed_when_a_place_frees_up()
    {
        var desk = await Desk.BuildAsync(factory);
        var (teamId, agents) = await TeamAsync(desk, 2, new { strategy = "loadCapped", maxOpenPerAgent = 2 });
        var numbers = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: teamId));
        }
        await DrainAsync();
        Assert.All((await LoadsAsync(agents)).Values, n => Assert.Equal(2, n));
        var waiting = (await factory.CreateDb().Tickets.SingleAsync(t => numbers.Contains(t.Id) && t.AssigneeId == null)).Id;
        var done = numbers.First(n => n != waiting);

        await desk.Admin.ChangeAsync($"/api/v1/tickets/{done}", new { status = "resolved" });
        await DrainAsync();
        Assert.Equal(await AssigneeAsync(done), await AssigneeAsync(waiting));
    }

    [Fact]
    public async Task A_ticket_left_unanswered_goes_to_a_colleague_after_the_teams_minutes_and_an_answered_one_stays()
    {
        var desk = await Desk.BuildAsync(factory);
        var (teamId, agents) = await TeamAsync(desk, 2, new { strategy = "roundRobin", reassignAfterMinutes = 30 });
        var unanswered = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: teamId);
        var answered = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: teamId);
        await DrainAsync();
        var first = (await AssigneeAsync(unanswered))!.Value;
        var second = (await AssigneeAsync(answered))!.Value;
        Assert.Equal(agents.Order(), new[] { first, second }.Order());

        var db = factory.CreateDb();
        var timer = await db.ScheduledEvents.AsNoTracking().SingleAsync(e => e.TicketId == unanswered && e.Type == RouteTicket.AssignmentTimeout);
        Assert.Equal(RouteTicket.TimeoutKey(first), timer.Key);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(30), timer.DueAt);

        // The assignee answers one of them: its timer stops.
        var reply = await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{answered}/messages", new { body = "Looking into it." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        await DrainAsync();
        Assert.False(await factory.CreateDb().ScheduledEvents.AnyAsync(e => e.TicketId == answered));

        // The scheduler fires both timers (an answered ticket's timer may still fire when the reply races it).
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await FireAsync(unanswered, RouteTicket.TimeoutKey(first));
        await FireAsync(answered, RouteTicket.TimeoutKey(second));
        await DrainAsync();
        Assert.Equal(second, await AssigneeAsync(unanswered));
        Assert.Equal(second, await AssigneeAsync(answered));
        // The new assignee has their own 30 minutes.
        var next = await factory.CreateDb().ScheduledEvents.AsNoTracking().SingleAsync(e => e.TicketId == unanswered);
        Assert.Equal(RouteTicket.TimeoutKey(second), next.Key);
    }

    /// <summary>What the scheduler does when a timer falls due: the event goes to the outbox.</summary>
    private async Task FireAsync(int ticket, string key)
    {
        var db = factory.CreateDb();
        await db.ScheduledEvents.Where(e => e.TicketId == ticket && e.Key == key).ExecuteDeleteAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            Type = RouteTicket.AssignmentTimeout,
            Payload = JsonSerializer.Serialize(new TicketEvent(RouteTicket.AssignmentTimeout, ticket, null, null, [key], null, now)),
            CreatedAt = now,
            AvailableAt = now,
        });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("roundRobin", 1000)]
    [InlineData("leastOpen", 1000)]
    [InlineData("loadCapped", 400)]
    public async Task Tickets_created_in_parallel_are_shared_fairly_while_several_dispatchers_route_at_once(string strategy, int tickets)
    {
        const int cap = 40;
        var desk = await Desk.BuildAsync(factory);
        var (teamId, agents) = await TeamAsync(desk, 8, strategy == "loadCapped" ? new { strategy, maxOpenPerAgent = cap } : (object)new { strategy });

        var creating = Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var response = await desk.Admin.PostAsJsonAsync("/api/v1/tickets",
                new { subject = $"Parallel {i}", description = "Routed under load.", requester = new { email = desk.AnaEmail }, teamId }, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        });
        await DrainAsync(loops: 4, whileRunning: creating);

        var loads = await LoadsAsync(agents);
        var waiting = await factory.CreateDb().Tickets.CountAsync(t => t.TeamId == teamId && t.AssigneeId == null);
        if (strategy == "loadCapped")
        {
            Assert.All(loads.Values, n => Assert.Equal(cap, n));
            Assert.Equal(tickets - 8 * cap, waiting);
        }
        else
        {
            Assert.True(loads.Values.Max() - loads.Values.Min() <= 1, string.Join(", ", loads.Values));
            Assert.Equal(0, waiting);
        }
    }
}
