using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Email;
using Atende.Notifications;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Notifications;

/// <summary>
/// Who hears about what, in the bell and by email, as each agent chose; SLA warnings and breaches; the daily
/// digest at 08:00 where each agent is. Through HTTP and the real database; the outbox and the scheduler are
/// driven by hand after each step, so "nothing" means nothing will come.
/// </summary>
public sealed class NotificationPreferencesTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private const string Url = "/api/v1/me/notification-preferences";

    [Fact]
    public async Task Preferences_start_at_the_defaults_and_change_per_event_and_channel_independently()
    {
        var desk = await Desk.BuildAsync(factory);
        var defaults = await desk.AgentInSupport.GetJsonAsync(Url);
        // In-app: everything. Email: assigned, customer replied, mentioned, SLA breach.
        string[] mailed = ["assigned", "customerReplied", "mentioned", "slaBreached"];
        foreach (var name in new[] { "newTicket", "assigned", "customerReplied", "mentioned", "watchedUpdated", "slaWarning", "slaBreached" })
        {
            Assert.True(defaults["events"]![name]!["inApp"]!.GetValue<bool>(), name);
            Assert.Equal(mailed.Contains(name), defaults["events"]![name]!["email"]!.GetValue<bool>());
        }
        Assert.False(defaults["digest"]!.GetValue<bool>());
        Assert.Equal(8, defaults["digestHour"]!.GetValue<int>());
        Assert.Null(defaults["nextDigestAt"]);

        var changed = await (await desk.AgentInSupport.PutAsJsonAsync(Url, new
        {
            events = new { assigned = new { inApp = false }, newTicket = new { email = true } },
        })).JsonAsync();
        Assert.False(changed["events"]!["assigned"]!["inApp"]!.GetValue<bool>());
        Assert.True(changed["events"]!["assigned"]!["email"]!.GetValue<bool>());
        Assert.True(changed["events"]!["newTicket"]!["inApp"]!.GetValue<bool>());
        Assert.True(changed["events"]!["newTicket"]!["email"]!.GetValue<bool>());
        Assert.True(changed["events"]!["mentioned"]!["email"]!.GetValue<bool>());
        Assert.Equal(changed.ToJsonString(), (await desk.AgentInSupport.GetJsonAsync(Url)).ToJsonString());
        // Another agent's choices are their own.
        Assert.True((await desk.AgentInInfra.GetJsonAsync(Url))["events"]!["assigned"]!["inApp"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PutAsJsonAsync(Url, new { digest = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task A_new_ticket_in_a_team_notifies_its_members_but_not_the_agent_who_opened_it_nor_other_teams()
    {
        var desk = await Desk.BuildAsync(factory);
        var byAdmin = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Printer jammed", teamId: desk.SupportTeamId);
        var bySam = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Opened by Sam himself", teamId: desk.SupportTeamId);
        await DrainAsync();

        Assert.Equal([byAdmin], await KindsAsync(desk.AgentInSupport, "newTicket"));
        Assert.DoesNotContain(bySam, await TicketsAsync(desk.AgentInSupport));
        Assert.Empty(await TicketsAsync(desk.AgentInInfra));
        Assert.Empty(await TicketsAsync(desk.AgentWithoutTeam));
        // New tickets are not mailed by default.
        Assert.Empty(await EmailsAsync(SamEmail(desk)));

        // Moving a ticket into Infra is new to Infra's queue.
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{byAdmin}", new { teamId = desk.InfraTeamId })).StatusCode);
        await DrainAsync();
        Assert.Equal([byAdmin], await KindsAsync(desk.AgentInInfra, "newTicket"));
    }

    [Fact]
    public async Task An_assignment_mails_the_assignee_in_their_language_and_the_channels_switch_independently()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PatchAsJsonAsync("/api/v1/me", new { language = "pt-BR" })).StatusCode);
        var first = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "First", teamId: desk.SupportTeamId);
        await AssignAsync(desk.Admin, first, desk.SupportAgentId);
        await DrainAsync();

        Assert.Equal([first], await KindsAsync(desk.AgentInSupport, "assigned"));
        var mail = Assert.Single(await EmailsAsync(SamEmail(desk)));
        Assert.Equal("agent.assigned", mail.Kind);
        Assert.Equal("pt-BR", mail.Language);
        Assert.Equal(first, mail.TicketId);
        Assert.Contains("First", mail.Subject + mail.TextBody, StringComparison.Ordinal);

        // Bell off, email on: a mail and no notification.
        await PutAsync(desk.AgentInSupport, new { events = new { assigned = new { inApp = false, email = true } } });
        var second = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Second", teamId: desk.SupportTeamId);
        await AssignAsync(desk.Admin, second, desk.SupportAgentId);
        await DrainAsync();
        Assert.DoesNotContain(second, await KindsAsync(desk.AgentInSupport, "assigned"));
        Assert.Contains(await EmailsAsync(SamEmail(desk)), m => m.TicketId == second && m.Kind == "agent.assigned");

        // Bell on, email off: a notification and no mail.
        await PutAsync(desk.AgentInSupport, new { events = new { assigned = new { inApp = true, email = false } } });
        var third = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Third", teamId: desk.SupportTeamId);
        await AssignAsync(desk.Admin, third, desk.SupportAgentId);
        await DrainAsync();
        Assert.Contains(third, await KindsAsync(desk.AgentInSupport, "assigned"));
        Assert.DoesNotContain(await EmailsAsync(SamEmail(desk)), m => m.TicketId == third);

        // The agent's own assignment: nothing at all.
        var own = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Mine", teamId: desk.SupportTeamId);
        await DrainAsync();
        await AssignAsync(desk.AgentInSupport, own, desk.SupportAgentId);
        await DrainAsync();
        Assert.DoesNotContain(own, await KindsAsync(desk.AgentInSupport, "assigned"));
        Assert.DoesNotContain(await EmailsAsync(SamEmail(desk)), m => m.TicketId == own);
    }

    [Fact]
    public async Task A_customer_reply_mails_the_assignee_and_a_watcher_hears_of_changes_in_the_bell_only()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Laptop will not boot", teamId: desk.SupportTeamId);
        await AssignAsync(desk.Admin, number, desk.SupportAgentId);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PostAsync($"/api/v1/tickets/{number}/watchers", null)).StatusCode);
        var adminId = (await desk.Admin.GetJsonAsync("/api/v1/me"))["agentId"]!.GetValue<int>();
        await DrainAsync();

        Assert.Equal(HttpStatusCode.Created, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "It beeps three times." })).StatusCode);
        await DrainAsync();
        Assert.Contains(number, await KindsAsync(desk.AgentInSupport, "reply"));
        Assert.Single(await EmailsAsync(SamEmail(desk)), m => m.TicketId == number && m.Kind == "agent.customer-replied");
        // The watching admin hears of it in the bell; watched-ticket mail is off by default.
        Assert.Contains(number, await KindsAsync(desk.Admin, "reply"));
        Assert.DoesNotContain(await EmailsAsync(AtendeFactory.AdminEmail), m => m.TicketId == number);

        // Sam changes the priority: the watcher hears, Sam (the actor) does not.
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "high" })).StatusCode);
        await DrainAsync();
        Assert.Contains(number, await KindsAsync(desk.Admin, "updated"));
        Assert.DoesNotContain(number, await KindsAsync(desk.AgentInSupport, "updated"));
        Assert.True(adminId > 0);
    }

    [Fact]
    public async Task An_agent_who_cannot_see_the_ticket_is_neither_notified_nor_mailed()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Support only", teamId: desk.SupportTeamId);
        var ivo = IvoEmail(desk)[..IvoEmail(desk).IndexOf('@', StringComparison.Ordinal)];
        var sam = SamEmail(desk)[..SamEmail(desk).IndexOf('@', StringComparison.Ordinal)];
        Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages",
            new { body = $"@{ivo} and @{sam}, please look", visibility = "internal" })).StatusCode);
        await DrainAsync();

        Assert.Contains(number, await KindsAsync(desk.AgentInSupport, "mention"));
        Assert.Single(await EmailsAsync(SamEmail(desk)), m => m.Kind == "agent.mentioned");
        Assert.Empty(await TicketsAsync(desk.AgentInInfra));
        Assert.Empty(await EmailsAsync(IvoEmail(desk)));
    }

    [Fact]
    public async Task An_SLA_warning_tells_the_assignee_and_a_breach_mails_the_assignee_and_the_team_lead()
    {
        var desk = await Desk.BuildAsync(factory);
        var adminId = (await desk.Admin.GetJsonAsync("/api/v1/me"))["agentId"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/teams/{desk.SupportTeamId}", new { leadAgentId = adminId })).StatusCode);
        // Always open: first response in 60 minutes, warned 20 minutes before.
        var policy = await desk.Admin.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = $"Acme {desk.Suffix}",
            warningMinutes = 20,
            conditions = new { all = new object[] { new { field = "organization", @operator = "is", value = desk.AcmeId } } },
            targets = new { normal = new { firstResponseMinutes = 60, resolutionMinutes = 600 } },
        });
        Assert.True(policy.StatusCode == HttpStatusCode.Created, await policy.Content.ReadAsStringAsync());

        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Payroll export fails", teamId: desk.SupportTeamId);
        await AssignAsync(desk.Admin, number, desk.SupportAgentId);
        await FireAndDrainAsync();
        Assert.DoesNotContain(number, await KindsAsync(desk.AgentInSupport, "slaWarning"));

        // 39 minutes: not yet; 40: the warning (bell only, by default), to the assignee alone.
        factory.Clock.Advance(TimeSpan.FromMinutes(39));
        await FireAndDrainAsync();
        Assert.DoesNotContain(number, await KindsAsync(desk.AgentInSupport, "slaWarning"));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await FireAndDrainAsync();
        var warning = Assert.Single(await ItemsAsync(desk.AgentInSupport), n => n!["kind"]!.GetValue<string>() == "slaWarning" && n["ticketNumber"]!.GetValue<int>() == number);
        Assert.Equal("firstResponse", warning!["detail"]!.GetValue<string>());
        Assert.DoesNotContain(await EmailsAsync(SamEmail(desk)), m => m.Kind == "agent.sla-warning");
        Assert.DoesNotContain(number, await KindsAsync(desk.Admin, "slaWarning"));

        // 60: the breach, in the bell and by email, to the assignee and the team's lead.
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await FireAndDrainAsync();
        Assert.Single(await ItemsAsync(desk.AgentInSupport), n => n!["kind"]!.GetValue<string>() == "slaBreached" && n["ticketNumber"]!.GetValue<int>() == number);
        Assert.Single(await EmailsAsync(SamEmail(desk)), m => m.Kind == "agent.sla-breached" && m.TicketId == number);
        Assert.Contains(number, await KindsAsync(desk.Admin, "slaBreached"));
        Assert.Single(await EmailsAsync(AtendeFactory.AdminEmail), m => m.Kind == "agent.sla-breached" && m.TicketId == number);

        // Firing again changes nothing.
        await FireAndDrainAsync();
        Assert.Single(await ItemsAsync(desk.AgentInSupport), n => n!["kind"]!.GetValue<string>() == "slaBreached" && n["ticketNumber"]!.GetValue<int>() == number);
    }

    [Fact]
    public async Task The_digest_goes_out_once_at_8_in_Sao_Paulo_and_in_Berlin_lists_what_was_not_mailed_and_skips_empty_days()
    {
        var desk = await Desk.BuildAsync(factory);
        // A known day, ahead of whatever other tests did with the clock: noon UTC, ten days on.
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(10);
        MoveTo(day.AddHours(12));
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PatchAsJsonAsync("/api/v1/me", new { timeZone = "America/Sao_Paulo", language = "pt-BR" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInInfra.PatchAsJsonAsync("/api/v1/me", new { timeZone = "Europe/Berlin" })).StatusCode);

        // São Paulo is UTC-3 all year: 08:00 there is 11:00 UTC. Berlin in winter is UTC+1: 08:00 is 07:00 UTC.
        var sam = await PutAsync(desk.AgentInSupport, new { digest = true });
        Assert.True(sam["digest"]!.GetValue<bool>());
        Assert.Equal(day.AddDays(1).AddHours(11), sam["nextDigestAt"]!.GetValue<DateTime>());
        var ivo = await PutAsync(desk.AgentInInfra, new { digest = true });
        Assert.Equal(day.AddDays(1).AddHours(7), ivo["nextDigestAt"]!.GetValue<DateTime>());

        var forSam = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Scanner offline", teamId: desk.SupportTeamId);
        var forIvo = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Disk almost full", teamId: desk.InfraTeamId);
        await AssignAsync(desk.Admin, forSam, desk.SupportAgentId);
        await AssignAsync(desk.Admin, forIvo, desk.InfraAgentId);
        await DrainAsync();
        // The bell is not affected; the mails wait.
        Assert.Contains(forSam, await KindsAsync(desk.AgentInSupport, "assigned"));
        Assert.Empty(await EmailsAsync(SamEmail(desk)));
        Assert.Empty(await EmailsAsync(IvoEmail(desk)));

        MoveTo(day.AddDays(1).AddHours(6).AddMinutes(59));
        await FireAndDrainAsync();
        Assert.Empty(await EmailsAsync(IvoEmail(desk)));

        // 08:00 in Berlin: Ivo's digest, once however often the scheduler runs; Sam's morning has not come.
        MoveTo(day.AddDays(1).AddHours(7));
        await FireAndDrainAsync();
        await FireAndDrainAsync();
        var ivoDigest = Assert.Single(await EmailsAsync(IvoEmail(desk)));
        Assert.Equal("agent.digest", ivoDigest.Kind);
        Assert.Equal("en", ivoDigest.Language);
        Assert.True(ivoDigest.Subject == "Your day at Atende: 1 updates", ivoDigest.Subject + "\n" + ivoDigest.TextBody);
        Assert.Contains($"#{forIvo}", ivoDigest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{forSam}", ivoDigest.TextBody, StringComparison.Ordinal);
        Assert.Empty(await EmailsAsync(SamEmail(desk)));

        MoveTo(day.AddDays(1).AddHours(10).AddMinutes(59));
        await FireAndDrainAsync();
        Assert.Empty(await EmailsAsync(SamEmail(desk)));

        // 08:00 in São Paulo: Sam's, in Portuguese.
        MoveTo(day.AddDays(1).AddHours(11));
        await FireAndDrainAsync();
        await FireAndDrainAsync();
        var samDigest = Assert.Single(await EmailsAsync(SamEmail(desk)));
        Assert.Equal("agent.digest", samDigest.Kind);
        Assert.Equal("pt-BR", samDigest.Language);
        Assert.StartsWith("Seu dia em", samDigest.Subject, StringComparison.Ordinal);
        Assert.Contains("atribuído a você por", samDigest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"#{forSam}", samDigest.TextBody, StringComparison.Ordinal);
        Assert.Equal(day.AddDays(2).AddHours(11), (await desk.AgentInSupport.GetJsonAsync(Url))["nextDigestAt"]!.GetValue<DateTime>());

        // A day with nothing sends nothing, and the timer moves on.
        MoveTo(day.AddDays(2).AddHours(11));
        await FireAndDrainAsync();
        Assert.Single(await EmailsAsync(SamEmail(desk)));
        Assert.Single(await EmailsAsync(IvoEmail(desk)));
        Assert.Equal(day.AddDays(3).AddHours(11), (await desk.AgentInSupport.GetJsonAsync(Url))["nextDigestAt"]!.GetValue<DateTime>());

        // The next digest lists only what came after the last one.
        var later = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Badge reader broken", teamId: desk.SupportTeamId);
        await AssignAsync(desk.Admin, later, desk.SupportAgentId);
        await DrainAsync();
        MoveTo(day.AddDays(3).AddHours(11));
        await FireAndDrainAsync();
        var mails = await EmailsAsync(SamEmail(desk));
        Assert.Equal(2, mails.Count);
        Assert.Contains($"#{later}", mails[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{forSam}", mails[1].TextBody, StringComparison.Ordinal);

        // Digest off: each event mails at once again, and no timer is left.
        var off = await PutAsync(desk.AgentInSupport, new { digest = false });
        Assert.Null(off["nextDigestAt"]);
        var last = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Monitor flickers", teamId: desk.SupportTeamId);
        await AssignAsync(desk.Admin, last, desk.SupportAgentId);
        await DrainAsync();
        Assert.Contains(await EmailsAsync(SamEmail(desk)), m => m.Kind == "agent.assigned" && m.TicketId == last);
    }

    private static string SamEmail(Desk desk) => $"sam.{desk.Suffix}@desk.example";

    private static string IvoEmail(Desk desk) => $"ivo.{desk.Suffix}@desk.example";

    private static async Task AssignAsync(HttpClient client, int number, int agentId)
    {
        var response = await client.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { assigneeId = agentId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> PutAsync(HttpClient client, object body)
    {
        var response = await client.PutAsJsonAsync(Url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient agent) =>
        (await agent.GetJsonAsync("/api/v1/me/notifications?limit=100"))["items"]!.AsArray();

    private static async Task<List<int>> TicketsAsync(HttpClient agent) =>
        (await ItemsAsync(agent)).Select(n => n!["ticketNumber"]!.GetValue<int>()).ToList();

    /// <summary>The tickets of the agent's notifications of one kind, oldest first.</summary>
    private static async Task<List<int>> KindsAsync(HttpClient agent, string kind) =>
        (await ItemsAsync(agent)).Where(n => n!["kind"]!.GetValue<string>() == kind).Select(n => n!["ticketNumber"]!.GetValue<int>()).Reverse().ToList();

    private async Task<List<OutboundEmail>> EmailsAsync(string to)
    {
        await using var db = factory.CreateDb();
        return await db.OutboundEmails.AsNoTracking().Where(e => e.To == to && e.Kind.StartsWith("agent.")).OrderBy(e => e.Id).ToListAsync();
    }

    private void MoveTo(DateTime utc)
    {
        Assert.True(utc >= factory.Clock.GetUtcNow().UtcDateTime, "tests in this class only travel forward");
        factory.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
    }

    private async Task FireAndDrainAsync()
    {
        await DrainAsync();
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
            await using var db = factory.CreateDb();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 200 && await db.Outbox.AnyAsync(m => m.ProcessedAt == null && m.AvailableAt <= now); i++)
            {
                await Task.Delay(50);
                while (await dispatcher.DispatchOnceAsync(default) > 0)
                {
                }
            }
        }
    }
}
