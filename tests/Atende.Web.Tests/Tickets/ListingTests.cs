using System.Net.Http.Json;

namespace Atende.Web.Tests.Tickets;

public sealed class ListingTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Paging_by_cursor_neither_skips_nor_repeats_while_tickets_are_being_added()
    {
        var desk = await Desk.BuildAsync(factory);
        var created = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            created.Add(await Desk.OpenOwnAsync(desk.Carla, $"Ticket {i}"));
        }

        var seen = new List<int>();
        string? cursor = null;
        do
        {
            var page = await desk.Carla.GetJsonAsync($"/api/v1/tickets?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.Numbers());
            cursor = page["nextCursor"]?.GetValue<string>();
            // Someone opens a new ticket between pages: it lands on top, outside what is left to read.
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Desk.OpenOwnAsync(desk.Carla, "Arrived while paging");
        }
        while (cursor is not null);

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Paging_over_several_status_categories_keeps_one_order()
    {
        // SQLite merges one page per category (see ListTickets): the merged pages must read as one list.
        var desk = await Desk.BuildAsync(factory);
        var expected = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var number = await Desk.OpenOwnAsync(desk.Carla, $"Interleaved {i}");
            // New, open, resolved, new, open...: the resolved ones are not asked for.
            var status = (i % 3) switch { 0 => null, 1 => "in_progress", _ => "resolved" };
            if (status is not null)
            {
                Assert.True((await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status })).IsSuccessStatusCode);
            }
            if (status != "resolved")
            {
                expected.Add(number);
            }
        }
        foreach (var sort in new[] { "-updatedAt", "createdAt", "-number" })
        {
            var seen = new List<int>();
            string? cursor = null;
            do
            {
                var page = await desk.Admin.GetJsonAsync(
                    $"/api/v1/tickets?organization={desk.BetaId}&statusCategory=new,open&sort={sort}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
                seen.AddRange(page.Numbers());
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);
            Assert.Equal(sort == "createdAt" ? expected : expected.AsEnumerable().Reverse(), seen);
        }
    }

    [Fact]
    public async Task Filters_combine_and_sorts_order_the_list()
    {
        var desk = await Desk.BuildAsync(factory);
        var low = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Low one", desk.SupportTeamId, extra: new { priority = "low", tags = new[] { "printer" } });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var urgent = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Urgent one", desk.SupportTeamId, extra: new { priority = "urgent", assigneeId = desk.SupportAgentId, tags = new[] { "printer", "vip" } });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var resolved = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Done one", desk.SupportTeamId);
        await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{resolved}", new { status = "resolved" });
        var infra = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Infra one", desk.InfraTeamId);
        string Mine(string query) => $"/api/v1/tickets?team={desk.SupportTeamId}&{query}";

        Assert.Equal([urgent], (await desk.AgentInSupport.GetJsonAsync(Mine("assignee=me"))).Numbers());
        Assert.Equal([low, resolved], (await desk.AgentInSupport.GetJsonAsync(Mine("assignee=none&sort=createdAt"))).Numbers());
        Assert.Equal([urgent, low], (await desk.AgentInSupport.GetJsonAsync(Mine("tag=printer&sort=-priority"))).Numbers());
        Assert.Equal([urgent], (await desk.AgentInSupport.GetJsonAsync(Mine("tag=printer&tag=VIP"))).Numbers());
        Assert.Equal([resolved], (await desk.AgentInSupport.GetJsonAsync(Mine("statusCategory=resolved"))).Numbers());
        Assert.Equal([resolved], (await desk.AgentInSupport.GetJsonAsync(Mine("status=resolved"))).Numbers());
        Assert.Equal([urgent, low], (await desk.AgentInSupport.GetJsonAsync(Mine("statusCategory=new,open&sort=-priority"))).Numbers());
        Assert.Equal([low], (await desk.AgentInSupport.GetJsonAsync(Mine("priority=low"))).Numbers());
        Assert.Equal([low, urgent, resolved], (await desk.AgentInSupport.GetJsonAsync(Mine("sort=number"))).Numbers());
        Assert.Equal([resolved, urgent, low], (await desk.AgentInSupport.GetJsonAsync(Mine("sort=-number"))).Numbers());
        Assert.Equal([resolved, urgent, low], (await desk.AgentInSupport.GetJsonAsync(Mine("type=incident"))).Numbers());
        Assert.Equal([infra], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?organization={desk.BetaId}&team={desk.InfraTeamId}")).Numbers());
        var created = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1).ToString("O");
        Assert.Equal([resolved, urgent], (await desk.AgentInSupport.GetJsonAsync(Mine($"createdFrom={Uri.EscapeDataString(created)}&sort=-createdAt"))).Numbers());
        Assert.Empty((await desk.AgentInSupport.GetJsonAsync(Mine("overdue=true"))).Numbers());
    }
}
