using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.Views;

/// <summary>Its own database: counts see every ticket the caller may see, so other tests' tickets must not be there.</summary>
public sealed class QueueCountsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static Dictionary<string, JsonNode> ByKey(JsonArray counts) =>
        counts.ToDictionary(c => c!["key"]!.GetValue<string>(), c => c!);

    [Fact]
    public async Task Counts_cover_the_built_in_queues_and_the_callers_views_and_stop_at_999_plus()
    {
        var desk = await Desk.BuildAsync(factory);
        var mine = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Mine", desk.SupportTeamId, extra: new { assigneeId = desk.SupportAgentId, tags = new[] { "vip" } });
        await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Nobody's", desk.SupportTeamId, extra: new { tags = new[] { "vip" } });
        var solved = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Solved", desk.SupportTeamId);
        await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{solved}", new { status = "resolved" });
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Infra's", desk.InfraTeamId);
        var vip = await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/views", new { name = "VIP", filter = new { tag = new[] { "vip" } } })).JsonAsync();
        var infraShared = await (await desk.AgentInInfra.PostAsJsonAsync("/api/v1/views", new { name = "Infra all", filter = new { }, teamId = desk.InfraTeamId })).JsonAsync();

        var sams = ByKey((await desk.AgentInSupport.GetFromJsonAsync<JsonArray>("/api/v1/views/counts"))!);
        Assert.Equal(["my-open", "unassigned", "overdue", "due-today", "awaiting-customer", "all-open", "recently-solved", vip["id"]!.ToString()], sams.Keys);
        Assert.Equal(1, sams["my-open"]["count"]!.GetValue<int>());
        Assert.Equal(1, sams["unassigned"]["count"]!.GetValue<int>());
        Assert.Equal(2, sams["all-open"]["count"]!.GetValue<int>());
        Assert.Equal(1, sams["recently-solved"]["count"]!.GetValue<int>());
        Assert.Equal(0, sams["overdue"]["count"]!.GetValue<int>());
        Assert.Equal(2, sams[vip["id"]!.ToString()]["count"]!.GetValue<int>());
        Assert.False(sams["all-open"]["more"]!.GetValue<bool>());
        Assert.DoesNotContain(infraShared["id"]!.ToString(), sams.Keys);
        _ = mine;

        // A thousand unassigned tickets: the count stops at the ceiling instead of counting them all.
        await using (var db = factory.CreateDb())
        {
            var requester = await db.Customers.FirstAsync(c => c.Email == desk.AnaEmail);
            var type = await db.RequestTypes.FirstAsync(r => r.IsDefault);
            var status = await db.Statuses.FirstAsync(s => s.Category == StatusCategory.New);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 1000; i++)
            {
                db.Tickets.Add(Ticket.Open($"Bulk {i}", requester, type, status, Priority.Normal, Channel.Api, "{}", Caller.System, now));
            }
            await db.SaveChangesAsync();
        }
        var after = ByKey((await desk.AgentInSupport.GetFromJsonAsync<JsonArray>("/api/v1/views/counts"))!);
        Assert.Equal(999, after["all-open"]["count"]!.GetValue<int>());
        Assert.True(after["all-open"]["more"]!.GetValue<bool>());
        Assert.Equal(1, after["my-open"]["count"]!.GetValue<int>());
    }
}
