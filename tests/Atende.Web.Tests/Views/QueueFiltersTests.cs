using Atende.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.Views;

/// <summary>The filters the built-in queues need (due and resolved ranges) and the queues themselves.</summary>
public sealed class QueueFiltersTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private async Task SetDueAsync(int number, DateTime dueAt)
    {
        await using var db = factory.CreateDb();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == number);
        ticket.SetDue(dueAt, Caller.System, factory.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Due_and_resolved_ranges_filter_and_the_built_in_queues_use_them()
    {
        var desk = await Desk.BuildAsync(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime; // 2026-11-02 12:00 UTC
        string Team(string query) => $"/api/v1/tickets?team={desk.InfraTeamId}&{query}";
        var late = await desk.OpenAsync(desk.AgentInInfra, desk.CarlaEmail, "Late", desk.InfraTeamId);
        var laterToday = await desk.OpenAsync(desk.AgentInInfra, desk.CarlaEmail, "Later today", desk.InfraTeamId, extra: new { assigneeId = desk.InfraAgentId });
        var tomorrow = await desk.OpenAsync(desk.AgentInInfra, desk.CarlaEmail, "Tomorrow", desk.InfraTeamId);
        var solved = await desk.OpenAsync(desk.AgentInInfra, desk.CarlaEmail, "Solved", desk.InfraTeamId);
        var waiting = await desk.OpenAsync(desk.AgentInInfra, desk.CarlaEmail, "Waiting", desk.InfraTeamId);
        await SetDueAsync(late, now.AddHours(-1));
        await SetDueAsync(laterToday, now.AddHours(5));
        await SetDueAsync(tomorrow, now.AddHours(13));
        Assert.True((await desk.AgentInInfra.PatchAsJsonAsync($"/api/v1/tickets/{solved}", new { status = "resolved" })).IsSuccessStatusCode);
        Assert.True((await desk.AgentInInfra.PatchAsJsonAsync($"/api/v1/tickets/{waiting}", new { status = "awaiting_customer" })).IsSuccessStatusCode);

        var from = Uri.EscapeDataString(now.Date.ToString("O"));
        var to = Uri.EscapeDataString(now.Date.AddDays(1).ToString("O"));
        Assert.Equal([late, laterToday], (await desk.AgentInInfra.GetJsonAsync(Team($"dueFrom={from}&dueTo={to}&sort=dueAt"))).Numbers());
        Assert.Equal([tomorrow], (await desk.AgentInInfra.GetJsonAsync(Team($"dueFrom={to}"))).Numbers());
        Assert.Equal([solved], (await desk.AgentInInfra.GetJsonAsync(Team($"resolvedFrom={from}"))).Numbers());
        Assert.Empty((await desk.AgentInInfra.GetJsonAsync(Team($"resolvedTo={from}"))).Numbers());
        Assert.Equal(["dueFrom"], await (await desk.AgentInInfra.GetAsync("/api/v1/tickets?dueFrom=soon")).ErrorFieldsAsync());

        string Queue(string key, string query = "") => $"/api/v1/views/{key}/tickets?{query}";
        Assert.Equal([late], (await desk.AgentInInfra.GetJsonAsync(Queue("overdue"))).Numbers());
        Assert.Equal([laterToday], (await desk.AgentInInfra.GetJsonAsync(Queue("my-open"))).Numbers());
        Assert.Equal([waiting], (await desk.AgentInInfra.GetJsonAsync(Queue("awaiting-customer"))).Numbers());
        Assert.Equal([solved], (await desk.AgentInInfra.GetJsonAsync(Queue("recently-solved"))).Numbers());
        Assert.Equal([waiting, tomorrow, late], (await desk.AgentInInfra.GetJsonAsync(Queue("unassigned", "sort=-number"))).Numbers());
        Assert.Equal([late, laterToday], (await desk.AgentInInfra.GetJsonAsync(Queue("due-today"))).Numbers());
        // In São Paulo (UTC-3) it is 09:00 on the 2nd; 01:00 UTC on the 3rd is still the 2nd there.
        Assert.Equal([late, laterToday, tomorrow], (await desk.AgentInInfra.GetJsonAsync(Queue("due-today", "timeZone=America/Sao_Paulo"))).Numbers());

        // A week later the solved ticket has left "recently solved".
        factory.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Empty((await desk.AgentInInfra.GetJsonAsync(Queue("recently-solved"))).Numbers());
    }
}
