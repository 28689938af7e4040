using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An agent applies a shared macro from the ticket page: one click sets the status and sends the reply (placeholders
/// filled in), and the page says what changed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MacrosJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_applies_a_macro_and_the_status_and_reply_land_together(string device)
    {
        var run = $"{device}{Guid.NewGuid().ToString("N")[..6]}";
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);
        var macroName = $"Waiting on you {run}";
        await PostAsync(admin, "/api/v1/macros", new
        {
            name = macroName,
            shared = true,
            status = "awaiting_customer",
            priority = "high",
            addTags = new[] { "macro-journey" },
            reply = "Hi {{requester.name}}, could you send us a photo of the error? Ticket #{{ticket.number}}.",
        });
        var opened = await PostAsync(admin, "/api/v1/tickets", new
        {
            subject = $"Scanner shows a red light ({run})",
            description = "Since this morning.",
            requester = new { email = $"macro.{run}@client.example", name = $"Rita {run}" },
        });
        var number = opened["number"]!.GetValue<int>();

        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword);
        await workspace.GotoAsync($"/agent/tickets/{number}");
        await Expect(page.GetByTestId("header-status")).ToHaveTextAsync("New");

        await page.GetByTestId("macro-menu").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = macroName }).ClickAsync();

        var applied = page.GetByTestId("macro-applied");
        await Expect(applied).ToContainTextAsync(macroName);
        await Expect(applied).ToContainTextAsync("status New → Awaiting customer");
        await Expect(applied).ToContainTextAsync("reply sent");
        await Expect(page.GetByTestId("header-status")).ToHaveTextAsync("Awaiting customer");
        await Expect(page.GetByText($"Hi Rita {run}, could you send us a photo of the error? Ticket #{number}.")).ToBeVisibleAsync();

        await workspace.AssertNoHorizontalOverflowAsync();
        // Toasts are checked once they have settled: fading out, they are translucent and fail contrast for a moment.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();
        output.WriteLine($"screenshot: {await workspace.ScreenshotAsync("macro-applied")}");
        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);

        var ticket = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/tickets/{number}"))!;
        Assert.Equal("awaiting_customer", ticket["status"]!["key"]!.GetValue<string>());
        Assert.Equal("high", ticket["priority"]!.GetValue<string>());
        Assert.Contains("macro-journey", ticket["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_registers_a_webhook_and_reads_its_delivery_log(string device)
    {
        var run = $"{device}{Guid.NewGuid().ToString("N")[..6]}";
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.DemoAdminEmail, AtendeServer.DemoPassword);
        await workspace.GotoAsync("/admin/webhooks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();

        var name = $"Chat bridge {run}";
        await page.GetByTestId("webhook-new").ClickAsync();
        await page.GetByTestId("webhook-name").FillAsync(name);
        // Nothing listens on port 9 (discard): every attempt fails, which is what the log is for.
        await page.GetByTestId("webhook-url").FillAsync("ftp://127.0.0.1:9/hook");
        await page.GetByTestId("webhook-secret").FillAsync("journey-secret-1");
        await page.GetByTestId("webhook-save").ClickAsync();
        await Expect(page.GetByText("must be an absolute http:// or https:// URL")).ToBeVisibleAsync();
        await page.GetByTestId("webhook-url").FillAsync("http://127.0.0.1:9/hook");
        await page.GetByTestId("webhook-save").ClickAsync();
        var row = page.GetByTestId("webhook-table").Locator("tr").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Signed");

        var opened = await PostAsync(admin, "/api/v1/tickets", new
        {
            subject = $"Webhook journey ({run})",
            description = "Anything.",
            requester = new { email = $"hook.{run}@client.example", name = "Hook Customer" },
        });
        var number = opened["number"]!.GetValue<int>();

        // The server sends in the background: refresh the log until the first attempt is recorded, then open it.
        var log = page.GetByTestId("webhook-log");
        var deliveryRow = log.Locator("tr").Filter(new() { HasText = $"#{number}" });
        for (var i = 0; i < 30; i++)
        {
            await row.GetByTestId("webhook-deliveries").ClickAsync();
            await page.WaitForTimeoutAsync(1000);
            if (await deliveryRow.CountAsync() > 0 && (await deliveryRow.InnerTextAsync()).Contains("refused", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }
        await deliveryRow.GetByRole(AriaRole.Button).First.ClickAsync();
        var attempt = page.GetByTestId("delivery-attempt");
        await Expect(attempt.First).ToContainTextAsync("Error");
        await Expect(page.GetByTestId("delivery-details")).ToContainTextAsync($"\"ticketNumber\":{number}");

        await workspace.AssertNoHorizontalOverflowAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();
        output.WriteLine($"screenshot: {await workspace.ScreenshotAsync("webhook-log")}");
        Assert.Empty(workspace.PageErrors);

        var hooks = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/webhooks"))!;
        var id = hooks.First(h => h!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<int>();
        await admin.DeleteAsync($"/api/v1/webhooks/{id}");
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
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "macros journey" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }
}
