using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Persistence;
using Atende.Sla;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Sla;

/// <summary>
/// SLA clocks through the API and the real database: due times in business hours, pause and resume, priority
/// changes, and warning and breach events after time travel (scheduler, then outbox). Each test's policy matches
/// only its own desk's organization, so tests share the database without meeting.
/// </summary>
public sealed class SlaTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    [Fact]
    public async Task A_ticket_opened_on_Friday_evening_under_Sao_Paulo_8_to_18_is_due_on_Monday_pauses_while_pending_and_moves_with_its_priority()
    {
        var desk = await Desk.BuildAsync(factory);
        var hoursId = await CreateSaoPauloAsync(desk);
        await CreatePolicyAsync(desk, $"Acme {desk.Suffix}", hoursId, desk.AcmeId, warningMinutes: 30);

        // Friday 20:00 in São Paulo (UTC-3, no DST since 2019) is 23:00 UTC; the office opens again on Monday at 08:00.
        var friday = NextLocal(DayOfWeek.Friday, 20, 0);
        var monday = TimeZoneInfo.ConvertTimeFromUtc(friday, SaoPaulo).Date.AddDays(3);
        DateTime Local(DateTime day, int hour, int minute = 0) =>
            TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date.AddHours(hour).AddMinutes(minute), DateTimeKind.Unspecified), SaoPaulo);
        MoveTo(friday);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "VPN down on Friday night");
        await DrainAsync();

        var sla = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["sla"]!;
        Assert.Equal($"Acme {desk.Suffix}", sla["policy"]!.GetValue<string>());
        Assert.Equal(Local(monday, 9), sla["firstResponseDueAt"]!.GetValue<DateTime>());
        // 720 working minutes: Monday 08–18 (600) and Tuesday 08–10.
        Assert.Equal(Local(monday.AddDays(1), 10), sla["resolutionDueAt"]!.GetValue<DateTime>());
        Assert.False(sla["breached"]!.GetValue<bool>());
        Assert.Equal(Local(monday.AddDays(1), 10), (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["dueAt"]!.GetValue<DateTime>());

        // Monday 08:30: the first public reply meets the first response in 30 working minutes; then we wait on the customer.
        MoveTo(Local(monday, 8, 30));
        await PostAsync(desk.Admin, number, "We are looking into it.");
        await PatchAsync(desk.Admin, number, new { status = "awaiting_customer" });
        await DrainAsync();
        sla = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["sla"]!;
        Assert.True(sla["paused"]!.GetValue<bool>());
        Assert.Null(sla["resolutionDueAt"]);
        var first = await TargetAsync(number, SlaTargetKind.FirstResponse);
        Assert.Equal(Local(monday, 8, 30), first.AchievedAt);
        Assert.Equal(30, first.BusinessMinutes);
        Assert.Null(first.BreachedAt);

        // Two hours later the customer answers and the ticket is open again: the pending time does not count.
        MoveTo(Local(monday, 10, 30));
        await PostAsync(desk.Ana, number, "Here is the log you asked for.");
        await PatchAsync(desk.Admin, number, new { status = "in_progress" });
        await DrainAsync();
        sla = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["sla"]!;
        Assert.False(sla["paused"]!.GetValue<bool>());
        // 690 minutes left from Monday 10:30: 450 on Monday, 240 on Tuesday from 08:00.
        Assert.Equal(Local(monday.AddDays(1), 12), sla["resolutionDueAt"]!.GetValue<DateTime>());
        Assert.Equal(Local(monday, 12, 30), sla["nextResponseDueAt"]!.GetValue<DateTime>());

        // Monday 11:00: urgent. What was used stays used (60 minutes); the goals shrink to the urgent ones.
        MoveTo(Local(monday, 11));
        await PatchAsync(desk.Admin, number, new { priority = "urgent" });
        await DrainAsync();
        sla = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["sla"]!;
        Assert.Equal(Local(monday, 14), sla["resolutionDueAt"]!.GetValue<DateTime>());
        Assert.Equal(Local(monday, 11, 30), sla["nextResponseDueAt"]!.GetValue<DateTime>());
        Assert.Equal(Local(monday, 14), (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["dueAt"]!.GetValue<DateTime>());

        // 11:15: the agent's reply meets the next response; 12:00: resolved in 120 working minutes, on time.
        MoveTo(Local(monday, 11, 15));
        await PostAsync(desk.Admin, number, "Fixed the tunnel config, please try again.");
        await DrainAsync();
        var next = await TargetAsync(number, SlaTargetKind.NextResponse);
        Assert.Equal(1, next.Cycle);
        Assert.Equal(Local(monday, 11, 15), next.AchievedAt);
        Assert.Equal(45, next.BusinessMinutes);

        MoveTo(Local(monday, 12));
        await PatchAsync(desk.Admin, number, new { status = "resolved" });
        await DrainAsync();
        var resolution = await TargetAsync(number, SlaTargetKind.Resolution);
        Assert.Equal(Local(monday, 12), resolution.AchievedAt);
        Assert.Equal(120, resolution.BusinessMinutes);
        Assert.Null(resolution.BreachedAt);
        Assert.False((await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["sla"]!["breached"]!.GetValue<bool>());

        // Reopened at 13:00: the resolution clock runs on from its 120 minutes.
        MoveTo(Local(monday, 13));
        await PatchAsync(desk.Admin, number, new { status = "in_progress" });
        await DrainAsync();
        resolution = await TargetAsync(number, SlaTargetKind.Resolution);
        Assert.Null(resolution.AchievedAt);
        Assert.Equal(Local(monday, 15), resolution.DueAt);
        Assert.Equal(Local(monday, 15), (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["sla"]!["resolutionDueAt"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task Warning_and_breach_events_fire_after_time_travel_once_and_are_recorded_on_the_target()
    {
        var desk = await Desk.BuildAsync(factory);
        // No calendar: around the clock.
        await CreatePolicyAsync(desk, $"Beta {desk.Suffix}", null, desk.BetaId, warningMinutes: 20);
        var start = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        MoveTo(start);
        var late = await Desk.OpenOwnAsync(desk.Carla, "Nobody answers");
        var answered = await Desk.OpenOwnAsync(desk.Davi, "Answered in time");
        await DrainAsync();
        Assert.Equal(start.AddMinutes(60), (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{late}"))["sla"]!["firstResponseDueAt"]!.GetValue<DateTime>());

        MoveTo(start.AddMinutes(10));
        await PostAsync(desk.Admin, answered, "On it.");
        await DrainAsync();

        // 40 minutes in: the warning (20 minutes before the first response falls due).
        MoveTo(start.AddMinutes(41));
        await FireAndDrainAsync();
        var first = await TargetAsync(late, SlaTargetKind.FirstResponse);
        Assert.Equal(start.AddMinutes(41), first.WarnedAt);
        Assert.Null(first.BreachedAt);
        Assert.Equal([SlaTarget.Keys[0]], await FiredAsync(late, TicketEvents.SlaWarning));
        Assert.Empty(await FiredAsync(late, TicketEvents.SlaBreached));

        MoveTo(start.AddMinutes(61));
        await FireAndDrainAsync();
        first = await TargetAsync(late, SlaTargetKind.FirstResponse);
        Assert.Equal(start.AddMinutes(61), first.BreachedAt);
        Assert.Equal([SlaTarget.Keys[0]], await FiredAsync(late, TicketEvents.SlaBreached));
        Assert.True((await desk.Admin.GetJsonAsync($"/api/v1/tickets/{late}"))["sla"]!["breached"]!.GetValue<bool>());
        // The resolution (600 minutes) is nowhere near due.
        Assert.Null((await TargetAsync(late, SlaTargetKind.Resolution)).WarnedAt);

        // Met late: the time is recorded, the breach stays.
        MoveTo(start.AddMinutes(70));
        await PostAsync(desk.Admin, late, "Sorry for the wait.");
        await DrainAsync();
        first = await TargetAsync(late, SlaTargetKind.FirstResponse);
        Assert.Equal(70, first.BusinessMinutes);
        Assert.Equal(start.AddMinutes(61), first.BreachedAt);

        // The ticket answered in time had its timers cancelled: nothing fired for it.
        var met = await TargetAsync(answered, SlaTargetKind.FirstResponse);
        Assert.Equal(10, met.BusinessMinutes);
        Assert.Null(met.WarnedAt);
        Assert.Null(met.BreachedAt);
        Assert.Empty(await FiredAsync(answered, TicketEvents.SlaWarning));
        Assert.Empty(await FiredAsync(answered, TicketEvents.SlaBreached));
        Assert.False((await desk.Admin.GetJsonAsync($"/api/v1/tickets/{answered}"))["sla"]!["breached"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Calendars_and_policies_are_validated_ordered_and_admin_only_and_holidays_import_from_an_ics_file()
    {
        var desk = await Desk.BuildAsync(factory);
        var bad = await desk.Admin.PostAsJsonAsync("/api/v1/business-hours", new
        {
            name = "",
            timeZone = "Mars/Olympus",
            week = new Dictionary<string, string[][]> { ["monday"] = [["08:00", "25:00"]], ["funday"] = [] },
        });
        Assert.Equal(["name", "timeZone", "week.funday", "week.monday[0]"], (await bad.ErrorFieldsAsync()).Order());
        var forbidden = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/business-hours", new { name = "x", timeZone = "UTC", week = new { } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var hoursId = await CreateSaoPauloAsync(desk);
        var hours = await desk.AgentInSupport.GetJsonAsync($"/api/v1/business-hours/{hoursId}");
        Assert.Equal("America/Sao_Paulo", hours["timeZone"]!.GetValue<string>());
        Assert.Equal("[[\"08:00\",\"18:00\"]]", hours["week"]!["monday"]!.ToJsonString());
        Assert.Equal("[]", hours["week"]!["sunday"]!.ToJsonString());
        Assert.Equal("2026-12-25", hours["holidays"]![0]!["date"]!.GetValue<string>());

        var ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20270101
            DTEND;VALUE=DATE:20270102
            RRULE:FREQ=YEARLY
            SUMMARY:Confraternização Universal
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20270208
            DTEND;VALUE=DATE:20270210
            SUMMARY:Carnaval
            END:VEVENT
            END:VCALENDAR
            """;
        async Task<JsonObject> ImportAsync()
        {
            using var form = new MultipartFormDataContent { { new StringContent(ics), "file", "feriados.ics" } };
            var response = await desk.Admin.PostAsync($"/api/v1/business-hours/{hoursId}/holidays/import", form);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.JsonAsync();
        }
        var imported = await ImportAsync();
        Assert.Equal(3, imported["imported"]!.GetValue<int>());
        Assert.Equal(4, imported["businessHours"]!["holidays"]!.AsArray().Count);
        Assert.Equal(0, (await ImportAsync())["imported"]!.GetValue<int>());
        using (var notIcs = new MultipartFormDataContent { { new StringContent("hello"), "file", "x.ics" } })
        {
            Assert.Equal(["file"], await (await desk.Admin.PostAsync($"/api/v1/business-hours/{hoursId}/holidays/import", notIcs)).ErrorFieldsAsync());
        }

        var badPolicy = await desk.Admin.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = $"Bad {desk.Suffix}",
            businessHoursId = 999_999,
            conditions = JsonNode.Parse("""{ "all": [ { "field": "priority", "operator": "contains", "value": "urgent" } ] }"""),
            targets = new { urgent = new { firstResponseMinutes = 0 }, someday = new { } },
        });
        Assert.Equal(["businessHoursId", "conditions.all[0].operator", "targets.someday", "targets.urgent.firstResponseMinutes"],
            (await badPolicy.ErrorFieldsAsync()).Order());

        var second = await CreatePolicyAsync(desk, $"Second {desk.Suffix}", hoursId, desk.AcmeId, position: 1_000_002);
        var first = await CreatePolicyAsync(desk, $"First {desk.Suffix}", hoursId, desk.AcmeId, position: 1_000_001);
        var list = (await desk.AgentInSupport.GetFromJsonAsync<JsonArray>("/api/v1/sla-policies"))!;
        var ids = list.Select(p => p!["id"]!.GetValue<int>()).ToList();
        Assert.True(ids.IndexOf(first) < ids.IndexOf(second));
        var policy = list.First(p => p!["id"]!.GetValue<int>() == first)!;
        Assert.Equal(30, policy["warningMinutes"]!.GetValue<int>());
        Assert.Equal(720, policy["targets"]!["normal"]!["resolutionMinutes"]!.GetValue<int>());

        var calendars = (await desk.AgentInSupport.GetFromJsonAsync<JsonArray>("/api/v1/business-hours"))!;
        Assert.Equal(2, calendars.First(c => c!["id"]!.GetValue<int>() == hoursId)!["policyCount"]!.GetValue<int>());

        var renamed = await desk.Admin.PatchAsJsonAsync($"/api/v1/sla-policies/{first}", new { name = $"First renamed {desk.Suffix}", warningMinutes = 15 });
        Assert.Equal(15, (await renamed.JsonAsync())["warningMinutes"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync($"/api/v1/business-hours/{hoursId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync($"/api/v1/sla-policies/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/sla-policies/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/sla-policies/{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/business-hours/{hoursId}")).StatusCode);
    }

    [Fact]
    public async Task A_rule_on_business_hours_now_reads_the_calendar_of_the_tickets_SLA_policy()
    {
        var desk = await Desk.BuildAsync(factory);
        var hoursId = await CreateSaoPauloAsync(desk);
        await CreatePolicyAsync(desk, $"Acme hours {desk.Suffix}", hoursId, desk.AcmeId);
        var rule = await desk.Admin.PostAsJsonAsync("/api/v1/automation-rules", new
        {
            name = $"After hours {desk.Suffix}",
            trigger = new { @event = "ticket.created" },
            conditions = new { all = new object[]
            {
                new { field = "organization", @operator = "is", value = desk.AcmeId },
                new { field = "businessHours", @operator = "is", value = false },
            } },
            actions = new[] { new { type = "addTag", value = "after-hours" } },
        });
        Assert.True(rule.StatusCode == HttpStatusCode.Created, await rule.Content.ReadAsStringAsync());
        var ruleId = (await rule.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();

        // Saturday noon in São Paulo: the office is closed, so the rule tags the ticket.
        MoveTo(NextLocal(DayOfWeek.Saturday, 12, 0));
        var weekend = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Opened on Saturday");
        await DrainAsync();
        Assert.Contains("after-hours", await TagsAsync(desk, weekend));

        // Monday 10:00 there: open, no tag; and the tester agrees, giving the reason.
        MoveTo(NextLocal(DayOfWeek.Monday, 10, 0));
        var weekday = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Opened on Monday morning");
        await DrainAsync();
        Assert.DoesNotContain("after-hours", await TagsAsync(desk, weekday));
        var test = await (await desk.Admin.PostAsJsonAsync($"/api/v1/automation-rules/{ruleId}/test", new { ticketNumber = weekday })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(test!["wouldFire"]!.GetValue<bool>());
        Assert.Single(test["reasons"]!.AsArray());
        await desk.Admin.DeleteAsync($"/api/v1/automation-rules/{ruleId}");
    }

    private static async Task<List<string>> TagsAsync(Desk desk, int number) =>
        (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();

    private async Task<int> CreateSaoPauloAsync(Desk desk)
    {
        string[][] day = [["08:00", "18:00"]];
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/business-hours", new
        {
            name = $"São Paulo 8-18 {desk.Suffix}",
            timeZone = "America/Sao_Paulo",
            week = new { monday = day, tuesday = day, wednesday = day, thursday = day, friday = day },
            holidays = new[] { new { date = "2026-12-25", name = "Natal", yearly = true } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    private async Task<int> CreatePolicyAsync(Desk desk, string name, int? hoursId, int organizationId, int warningMinutes = 30, int? position = null)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name,
            position,
            businessHoursId = hoursId,
            warningMinutes,
            conditions = new { all = new object[] { new { field = "organization", @operator = "is", value = organizationId } } },
            targets = new
            {
                urgent = new { firstResponseMinutes = 30, nextResponseMinutes = 60, resolutionMinutes = 240 },
                normal = new { firstResponseMinutes = 60, nextResponseMinutes = 120, resolutionMinutes = 600 + 120 },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    /// <summary>The next <paramref name="day"/> at a São Paulo local time, at least a day after the test clock.</summary>
    private DateTime NextLocal(DayOfWeek day, int hour, int minute)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(factory.Clock.GetUtcNow().UtcDateTime, SaoPaulo).Date.AddDays(1);
        while (local.DayOfWeek != day)
        {
            local = local.AddDays(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local.AddHours(hour).AddMinutes(minute), SaoPaulo);
    }

    private void MoveTo(DateTime utc)
    {
        Assert.True(utc >= factory.Clock.GetUtcNow().UtcDateTime, "tests in this class only travel forward");
        factory.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
    }

    private static async Task PostAsync(HttpClient client, int number, string body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, visibility = "public" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task PatchAsync(HttpClient client, int number, object body)
    {
        var response = await client.PatchAsJsonAsync($"/api/v1/tickets/{number}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<SlaTarget> TargetAsync(int number, SlaTargetKind kind) =>
        await factory.CreateDb().SlaTargets.AsNoTracking().Where(t => t.TicketId == number && t.Kind == kind).OrderByDescending(t => t.Cycle).FirstAsync();

    /// <summary>The keys of the scheduler's events of one type for a ticket, as written to the outbox.</summary>
    private async Task<List<string>> FiredAsync(int number, string type) =>
        (await factory.CreateDb().Outbox.AsNoTracking().Where(m => m.Type == type).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<TicketEvent>(p)!)
            .Where(e => e.TicketNumber == number)
            .Select(e => e.Fields.Single())
            .ToList();

    private async Task FireAndDrainAsync()
    {
        var scheduler = factory.Services.GetRequiredService<FireScheduledEvents>();
        while (await scheduler.FireOnceAsync(default) > 0)
        {
        }
        await DrainAsync();
    }

    /// <summary>The background loops run too; looping until nothing is left keeps the tests deterministic.</summary>
    private async Task DrainAsync()
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 3; round++)
        {
            while (await dispatcher.DispatchOnceAsync(default) > 0)
            {
            }
            // A message the background loop holds is finished by it; wait for its lease-free end.
            var db = factory.CreateDb();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 100 && await db.Outbox.AnyAsync(m => m.ProcessedAt == null && m.AvailableAt <= now); i++)
            {
                await Task.Delay(50);
                while (await dispatcher.DispatchOnceAsync(default) > 0)
                {
                }
            }
        }
    }
}
