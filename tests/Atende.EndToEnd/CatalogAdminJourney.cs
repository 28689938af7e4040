using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An administrator hides a request type from customers and gives it a default team, from the request-type page —
/// in English and in Portuguese, on a desk and a phone. Customers no longer see the type; its new tickets go to the team.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CatalogAdminJourney(AtendeServer server, ChromiumBrowser chromium)
{
    [Theory]
    [InlineData("desktop", "en")]
    [InlineData("phone", "en")]
    [InlineData("desktop", "pt-BR")]
    [InlineData("phone", "pt-BR")]
    public async Task An_admin_hides_a_request_type_from_customers_and_sets_its_default_team(string device, string language)
    {
        var portuguese = language == "pt-BR";
        var run = $"{device}_{language.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}";
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);

        // An admin of this run's own, so switching to Portuguese does not change the shared admin's language.
        var adminEmail = $"catalog.{run}@desk.example";
        await PostAsync(admin, "/api/v1/agents", new { email = adminEmail, name = $"Catalog Admin {run}", role = "admin", password = AtendeServer.DemoPassword });
        var customerEmail = $"catalog.{run}@client.example";
        await PostAsync(admin, "/api/v1/customers", new { email = customerEmail, name = $"Catalog Customer {run}", password = AtendeServer.DemoPassword });
        var key = $"office_move_{run}";
        var typeName = $"Office move {run}";
        await PostAsync(admin, "/api/v1/request-types", new { key, name = typeName, category = $"Facilities {run}" });
        var team = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/teams"))!["items"]!.AsArray().First()!;
        var (teamId, teamName) = (team["id"]!.GetValue<int>(), team["name"]!.GetValue<string>());
        using var customer = await ApiAsync(customerEmail, AtendeServer.DemoPassword);
        Assert.Contains(key, await KeysAsync(customer));

        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(adminEmail, AtendeServer.DemoPassword, "/admin");
        var typePage = $"/admin/request-types/{key}";
        if (portuguese)
        {
            await workspace.GotoAsync($"/account/language?language=pt-BR&returnUrl={Uri.EscapeDataString(typePage)}");
        }
        else
        {
            await workspace.GotoAsync(typePage);
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = typeName })).ToBeVisibleAsync();
        // The type sits under its category in the list, and the category in the categories panel.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Facilities {run}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("categories")).ToContainTextAsync($"Facilities {run}");

        await page.GetByText(portuguese ? "Visível para clientes no portal" : "Visible to customers in the portal").ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = portuguese ? "Equipe padrão" : "Default team" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = teamName, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = portuguese ? "Prioridade padrão" : "Default priority" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = portuguese ? "Alta" : "High", Exact = true }).ClickAsync();
        await page.GetByTestId("type-save-details").ClickAsync();

        var row = page.Locator(".mud-list-item", new() { HasText = typeName });
        await Expect(row.GetByTestId("type-hidden")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = portuguese ? "Equipe padrão" : "Default team" })).ToContainTextAsync(teamName);
        await workspace.ScreenshotAsync($"catalog-admin-{language}");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        Assert.Empty(workspace.PageErrors);
        Assert.Empty(workspace.Blocked);

        var saved = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/request-types/{key}");
        Assert.False(saved!["visibleToCustomers"]!.GetValue<bool>());
        Assert.Equal(teamId, saved["defaultTeamId"]!.GetValue<int>());
        Assert.Equal("high", saved["defaultPriority"]!.GetValue<string>());
        Assert.DoesNotContain(key, await KeysAsync(customer));

        // An agent's ticket of that type, with no team named, lands in the default team.
        var opened = await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = $"Move desks to floor 2 ({run})",
            description = "Twelve desks.",
            type = key,
            requester = new { email = customerEmail },
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var ticket = (await opened.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(teamId, ticket["team"]!["id"]!.GetValue<int>());
        Assert.Equal("high", ticket["priority"]!.GetValue<string>());
    }

    private static async Task<List<string>> KeysAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/v1/request-types"))!["items"]!.AsArray().Select(t => t!["key"]!.GetValue<string>()).ToList();

    private static async Task PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpClient> ApiAsync(string email, string password)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "catalog journey" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }
}
