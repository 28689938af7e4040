using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An agent opens "Notification preferences" from the account menu, on a desk and on a phone: stops assignment
/// mails, turns the daily digest on and saves; the API agrees. Then a colleague assigns them a ticket and the bell
/// counts it without a reload.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NotificationPreferencesJourney(AtendeServer server, ChromiumBrowser chromium)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_chooses_channels_and_the_digest_and_the_bell_rings_live(string device)
    {
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);
        using var jessica = await ApiAsync(AtendeServer.SecondAgentEmail, AtendeServer.DemoPassword);
        var jessicaId = (await jessica.GetFromJsonAsync<JsonObject>("/api/v1/me"))!["agentId"]!.GetValue<int>();
        // Start from the defaults with an empty bell, whatever the other run did.
        (await jessica.PutAsJsonAsync("/api/v1/me/notification-preferences", new { events = new { assigned = new { inApp = true, email = true } }, digest = false }))
            .EnsureSuccessStatusCode();
        (await jessica.PostAsJsonAsync("/api/v1/me/notifications/read", new { all = true })).EnsureSuccessStatusCode();

        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.SecondAgentEmail, AtendeServer.DemoPassword);
        await page.GetByTestId("account-menu").ClickAsync();
        await page.GetByTestId("nav-notification-preferences").ClickAsync();
        await page.WaitForURLAsync("**/agent/notification-preferences", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notification preferences" })).ToBeVisibleAsync();

        var email = page.GetByRole(AriaRole.Checkbox, new() { Name = "Assigned to me: by email" });
        await Expect(email).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "New ticket in my team: by email" })).Not.ToBeCheckedAsync();
        await email.SetCheckedAsync(false);
        await page.GetByTestId("digest").SetCheckedAsync(true);
        await page.GetByTestId("save-notification-preferences").ClickAsync();
        await Expect(page.GetByText("Preferences saved.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("next-digest")).ToContainTextAsync("Next digest:");
        await workspace.ScreenshotAsync("notification-preferences");
        await workspace.AssertNoHorizontalOverflowAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();

        var saved = (await jessica.GetFromJsonAsync<JsonObject>("/api/v1/me/notification-preferences"))!;
        Assert.False(saved["events"]!["assigned"]!["email"]!.GetValue<bool>());
        Assert.True(saved["events"]!["assigned"]!["inApp"]!.GetValue<bool>());
        Assert.True(saved["digest"]!.GetValue<bool>());

        // A colleague assigns Jessica a ticket: the bell shows it without a reload.
        await Expect(page.GetByTestId("unread-badge").Locator(".mud-badge")).Not.ToBeVisibleAsync();
        var opened = await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = $"Bell journey ({device}): projector in room 4",
            description = "It shows no signal.",
            requester = new { email = $"bell.{device}@client.example", name = "Bell Customer" },
            assigneeId = jessicaId,
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        await Expect(page.GetByTestId("unread-badge").Locator(".mud-badge")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await workspace.ScreenshotAsync("notification-bell-live");
        Assert.Empty(workspace.PageErrors);
        Assert.Empty(workspace.Blocked);
    }

    private async Task<HttpClient> ApiAsync(string email, string password)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "notification journey" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }
}
