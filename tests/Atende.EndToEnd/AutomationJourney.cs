using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// The journey: an admin builds "priority urgent and organization X → team Tier 2, notify the lead" in the
/// rule editor without writing JSON, a matching ticket arrives, and the agent ticket page shows the rule's effect and
/// the history line "by rule '...'". On a desk and on a phone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AutomationJourney(AtendeServer server, ChromiumBrowser chromium)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_builds_a_rule_in_the_editor_and_a_matching_ticket_follows_it(string device)
    {
        var run = device;
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);
        var adminEmail = $"rules.{run}@desk.example";
        await PostAsync(admin, "/api/v1/agents", new { email = adminEmail, name = $"Rules Admin {run}", role = "admin", password = AtendeServer.DemoPassword });
        var lead = await PostAsync(admin, "/api/v1/agents", new { email = $"lead.{run}@desk.example", name = $"Lena Lead {run}", role = "agent", password = AtendeServer.DemoPassword });
        var team = await PostAsync(admin, "/api/v1/teams", new { name = $"Tier 2 {run}", memberIds = new[] { lead["id"]!.GetValue<int>() } });
        var organization = await PostAsync(admin, "/api/v1/organizations", new { name = $"Acme {run}" });
        var customerEmail = $"buyer.{run}@acme-{run}.example";
        await PostAsync(admin, "/api/v1/customers", new { email = customerEmail, name = $"Bia Buyer {run}", organizationId = organization["id"]!.GetValue<int>() });
        var ruleName = $"Urgent Acme to Tier 2 {run}";

        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(adminEmail, AtendeServer.DemoPassword, "/admin");
        await workspace.GotoAsync("/admin/automation/new");
        await page.GetByLabel("Name").FillAsync(ruleName);

        // If: priority is urgent AND organization is Acme.
        await page.GetByTestId("condition-add").ClickAsync();
        var first = page.GetByTestId("condition-row").Nth(0);
        await first.GetByRole(AriaRole.Combobox, new() { Name = "Value" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Urgent", Exact = true }).ClickAsync();
        await page.GetByTestId("condition-add").ClickAsync();
        var second = page.GetByTestId("condition-row").Nth(1);
        await second.GetByRole(AriaRole.Combobox, new() { Name = "Field" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Organization", Exact = true }).ClickAsync();
        await second.GetByRole(AriaRole.Combobox, new() { Name = "Value" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"Acme {run}", Exact = true }).ClickAsync();

        // Then: team Tier 2, and notify its lead.
        var setTeam = page.GetByTestId("action-row").Nth(0);
        await setTeam.GetByRole(AriaRole.Combobox, new() { Name = "Value" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"Tier 2 {run}", Exact = true }).ClickAsync();
        await page.GetByTestId("action-add").ClickAsync();
        var notify = page.GetByTestId("action-row").Nth(1);
        await notify.GetByRole(AriaRole.Combobox, new() { Name = "Action" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Notify agents", Exact = true }).ClickAsync();
        await notify.GetByRole(AriaRole.Combobox, new() { Name = "Notify" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"Lena Lead {run}", Exact = true }).ClickAsync();
        await page.GetByTestId("rule-save").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/admin/automation/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("rule-test")).ToBeVisibleAsync();

        // A matching ticket arrives.
        var opened = await PostAsync(admin, "/api/v1/tickets", new
        {
            subject = $"Production line stopped ({run})",
            description = "Nothing moves since 9:00.",
            priority = "urgent",
            requester = new { email = customerEmail },
        });
        var number = opened["number"]!.GetValue<int>();

        // The tester agrees, and the firing is listed.
        await page.GetByLabel("Ticket number").FillAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("rule-test").ClickAsync();
        await Expect(page.GetByTestId("rule-test-result")).ToContainTextAsync("Would fire");
        await workspace.ScreenshotAsync("automation-rule-editor");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();

        await workspace.GotoAsync($"/agent/tickets/{number}");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync($"by rule '{ruleName}'", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync($"Tier 2 {run}");
        await workspace.ScreenshotAsync("automation-ticket-history");
        await workspace.AssertNoHorizontalOverflowAsync();
        Assert.Empty(workspace.PageErrors);
        Assert.Empty(workspace.Blocked);

        var ticket = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/tickets/{number}");
        Assert.Equal(team["id"]!.GetValue<int>(), ticket!["team"]!["id"]!.GetValue<int>());
        using var leadApi = await ApiAsync($"lead.{run}@desk.example", AtendeServer.DemoPassword);
        var bell = (await leadApi.GetFromJsonAsync<JsonObject>("/api/v1/me/notifications"))!["items"]!.AsArray();
        Assert.Contains(bell, n => n!["ticketNumber"]!.GetValue<int>() == number && n["kind"]!.GetValue<string>() == "rule");

        await workspace.GotoAsync("/admin/automation");
        await Expect(page.GetByTestId("rule-card").Filter(new() { HasText = ruleName })).ToBeVisibleAsync();
        await workspace.ScreenshotAsync("automation-rules");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
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
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "automation journey" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }
}
