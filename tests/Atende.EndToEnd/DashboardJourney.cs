using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// Dashboards as a manager and an agent use them: the manager overview with its charts on a desktop and a phone, a
/// widget added to a new dashboard showing data, and a ticket resolved elsewhere moving the open dashboard's numbers
/// without a reload. The demo desk is generated relative to today, so the journey opens and resolves its own tickets.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DashboardJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_manager_overview_shows_numbers_and_charts(string device)
    {
        using var api = await ApiAsync();
        await ResolveAsync(api, await OpenAsync(api, $"Dashboard journey ({device}): projector in room 4 flickers"));

        await using var mariana = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        await mariana.SignInAsync(AtendeServer.DemoAdminEmail, AtendeServer.DemoPassword, "/agent/dashboards");
        var page = mariana.Page;
        await Expect(page.Locator("[data-testid=dashboard][data-dashboard=manager]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manager overview", Level = 1 })).ToBeVisibleAsync();
        // The volume widgets are drawn; the line chart has its two series and its legend.
        var created = page.Locator("[data-testid=dashboard-tile][data-widget='1'] [data-testid=tile-value]");
        await Expect(created).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d[\d,.]*$"), new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=dashboard-tile][data-widget='1'] [data-testid=tile-change]")).ToBeVisibleAsync();
        var line = page.Locator("[data-testid=dashboard-tile][data-kind=line]");
        await Expect(line.Locator("svg polyline")).ToHaveCountAsync(2);
        await Expect(line.Locator(".tile-legend")).ToContainTextAsync("Resolved");
        // Every widget settles: numbers, charts, or a calm "not available" for a report this server does not have.
        await Expect(page.Locator("[data-testid=dashboard-tile] .mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        await mariana.AssertNoHorizontalOverflowAsync();
        await mariana.AssertAccessibleAsync();
        var shot = await mariana.ScreenshotAsync("dashboard-manager");
        await line.ScrollIntoViewIfNeededAsync();
        var chart = await mariana.ScreenshotAsync("dashboard-manager-chart");
        output.WriteLine($"screenshots: {shot}, {chart}");
        Assert.Empty(mariana.PageErrors);
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_builds_a_dashboard_whose_new_widget_shows_data(string device)
    {
        using var api = await ApiAsync();
        await OpenAsync(api, "Dashboard journey: new widget counts this ticket");

        await using var pedro = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        await pedro.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword, "/agent/dashboards");
        var page = pedro.Page;
        await Expect(page.Locator("[data-testid=dashboard][data-dashboard=my-work]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=dashboard-tile][data-widget='1'] [data-testid=tile-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d"), new() { Timeout = 15_000 });

        await page.GetByTestId("new-dashboard").ClickAsync();
        var name = $"Pedro's board {Guid.NewGuid():N}"[..24];
        await page.GetByTestId("new-dashboard-name").FillAsync(name);
        await page.GetByTestId("create-dashboard").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("add-first-widget").ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("widget-title").FillAsync("Created per day");
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Chart" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Bars", Exact = true }).ClickAsync();
        var editor = await pedro.ScreenshotAsync("dashboard-widget-editor");
        await dialog.GetByTestId("save-widget").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        var tile = page.Locator("[data-testid=dashboard-tile]", new() { HasText = "Created per day" });
        await Expect(tile).ToHaveAttributeAsync("data-kind", "bar");
        await Expect(tile.Locator("svg rect").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // Today's bar holds at least the ticket opened above.
        var todays = await tile.Locator("svg rect").Last.GetAttributeAsync("height");
        Assert.True(double.Parse(todays!, System.Globalization.CultureInfo.InvariantCulture) > 0, $"today's bar is {todays} high");

        // Wider, then back out of edit mode: the widget keeps its new width.
        await tile.GetByRole(AriaRole.Button, new() { Name = "Make \"Created per day\" wider" }).ClickAsync();
        await Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dash-w-8"));
        await page.GetByTestId("edit-dashboard").ClickAsync();
        await pedro.AssertNoHorizontalOverflowAsync();
        await pedro.AssertAccessibleAsync();
        var shot = await pedro.ScreenshotAsync("dashboard-custom");
        output.WriteLine($"screenshots: {editor}, {shot}");
        Assert.Empty(pedro.PageErrors);
    }

    [Fact]
    public async Task A_ticket_resolved_elsewhere_moves_the_open_dashboard_without_a_reload()
    {
        using var api = await ApiAsync();
        var number = await OpenAsync(api, "Dashboard journey: live resolution of the badge printer");

        await using var mariana = await Workspace.OpenAsync(server, chromium, Device.Desktop);
        await mariana.SignInAsync(AtendeServer.DemoAdminEmail, AtendeServer.DemoPassword, "/agent/dashboards/manager");
        var resolved = mariana.Page.Locator("[data-testid=dashboard-tile][data-widget='2'] [data-testid=tile-value]");
        await Expect(resolved).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d"), new() { Timeout = 15_000 });
        var before = Count(await resolved.TextContentAsync());
        var marker = await mariana.Page.EvaluateAsync<double>("() => { window.__dashboardMarker = Math.random(); return window.__dashboardMarker; }");

        await ResolveAsync(api, number);

        await Expect(resolved).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{before}$"), new() { Timeout = 20_000 });
        Assert.True(Count(await resolved.TextContentAsync()) > before);
        // Same document: the number moved through the live feed, not a reload.
        Assert.Equal(marker, await mariana.Page.EvaluateAsync<double>("() => window.__dashboardMarker"));
        var shot = await mariana.ScreenshotAsync("dashboard-live");
        output.WriteLine($"screenshot: {shot}");
        Assert.Empty(mariana.PageErrors);
    }

    private static int Count(string? text) => int.Parse(new string((text ?? "").Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> ApiAsync()
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email = AtendeServer.AdminEmail, password = AtendeServer.AdminPassword });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }

    /// <summary>A ticket no team owns, so every agent's reports count it.</summary>
    private static async Task<int> OpenAsync(HttpClient api, string subject)
    {
        var created = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            description = "Opened by the dashboard journey.",
            requester = new { email = "dashboard.journey@construtorahorizonte.example", name = "Dashboard Journey" },
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
    }

    private static async Task ResolveAsync(HttpClient api, int number)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tickets/{number}") { Content = JsonContent.Create(new { status = "resolved" }) };
        (await api.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
