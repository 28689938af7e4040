using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An administrator turns on round-robin routing for a team and names its lead; an agent of that team steps away
/// from the account menu — on a desk and a phone. The API sees both changes.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RoutingJourney(AtendeServer server, ChromiumBrowser chromium)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_sets_a_teams_routing_and_an_agent_steps_away(string device)
    {
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);
        var teamName = $"Routing {device}";
        var team = await PostAsync(admin, "/api/v1/teams", new { name = teamName });
        var teamId = team["id"]!.GetValue<int>();
        var agentEmail = $"router.{device}@desk.example";
        var agent = await PostAsync(admin, "/api/v1/agents",
            new { email = agentEmail, name = $"Rita Router {device}", role = "agent", teamIds = new[] { teamId }, password = AtendeServer.DemoPassword });
        var agentId = agent["id"]!.GetValue<int>();

        await using (var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device)))
        {
            var page = workspace.Page;
            await workspace.SignInAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword, "/admin/teams");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {teamName}", Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Assignment" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Round robin: each available agent in turn" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Team lead (notified on escalations)" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = $"Rita Router {device}", Exact = true }).ClickAsync();
            await dialog.GetByText("When an agent goes away, route their open tickets again").ClickAsync();
            await workspace.ScreenshotAsync("routing-team-dialog");
            await page.GetByTestId("team-save").ClickAsync();
            var card = page.GetByTestId("team-card").Filter(new() { HasText = teamName });
            await Expect(card.GetByTestId("team-strategy")).ToHaveTextAsync("Assignment: Round robin");
            await workspace.ScreenshotAsync("routing-teams");
            await workspace.AssertNoHorizontalOverflowAsync();
            await workspace.AssertAccessibleAsync();
            Assert.Empty(workspace.PageErrors);
        }

        var saved = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/teams/{teamId}"))!;
        Assert.Equal("roundRobin", saved["assignment"]!["strategy"]!.GetValue<string>());
        Assert.True(saved["assignment"]!["reassignWhenAway"]!.GetValue<bool>());
        Assert.Equal(agentId, saved["leadAgentId"]!.GetValue<int>());

        await using (var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device)))
        {
            var page = workspace.Page;
            await workspace.SignInAsync(agentEmail, AtendeServer.DemoPassword);
            await page.GetByTestId("account-menu").ClickAsync();
            await Expect(page.GetByTestId("availability-status")).ToHaveTextAsync("Available for new tickets");
            await page.GetByTestId("availability-toggle").ClickAsync();
            await Expect(page.GetByTestId("availability-status")).ToHaveTextAsync("Away: no new tickets");
            await Expect(page.GetByTestId("availability-toggle")).ToHaveTextAsync("Set yourself available");
            await workspace.ScreenshotAsync("routing-away");
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.GetByTestId("availability-toggle")).ToBeHiddenAsync();
            await workspace.AssertAccessibleAsync();
            Assert.Empty(workspace.PageErrors);
        }
        var me = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/agents/{agentId}"))!;
        Assert.False(me["available"]!.GetValue<bool>());
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<HttpClient> ApiAsync(string email, string password)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "routing journey" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }
}
