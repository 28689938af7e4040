using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An agent works a ticket: replies with a canned response and sets the status in the same step, writes an
/// internal note mentioning a colleague, changes status and assignee, and logs time with the timer and by hand.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TicketJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_replies_notes_changes_and_logs_time_on_a_ticket(string device)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var number = await PrepareAsync(run);
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword);

        await workspace.GotoAsync($"/agent/tickets/{number}");
        await Expect(page.GetByTestId("ticket-subject")).ToHaveTextAsync($"Printer jam {run}");
        await Expect(page.GetByTestId("timeline-reply")).ToHaveCountAsync(1);
        var reply = page.GetByTestId("reply-box");

        // A public reply that starts from a canned response and moves the ticket to "Awaiting customer".
        await reply.Locator("textarea").FillAsync("Thanks for the details.");
        await page.GetByTestId("canned-toggle").ClickAsync();
        await page.GetByTestId("canned-option").Filter(new() { HasText = $"Restart {run}" }).ClickAsync();
        await Expect(reply.Locator("textarea")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Please restart the printer, Requester"));
        await reply.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "printer-log.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("E-42 at 08:14\nE-42 at 08:20\n"),
        });
        await Expect(page.GetByTestId("reply-uploads")).ToContainTextAsync("printer-log.txt");
        await page.GetByTestId("reply-send-status").ClickAsync();
        await page.GetByTestId("send-status-awaiting_customer").ClickAsync();
        await Expect(page.GetByTestId("timeline-reply")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("timeline-reply").Last).ToContainTextAsync("Please restart the printer");
        await Expect(page.GetByTestId("header-status")).ToHaveTextAsync("Awaiting customer");
        var download = page.GetByTestId("timeline-attachment");
        await Expect(download).ToContainTextAsync("printer-log.txt");
        var file = await page.APIRequest.GetAsync(server.Url("/" + (await download.GetAttributeAsync("href"))!.TrimStart('/')).ToString());
        Assert.Equal("E-42 at 08:14\nE-42 at 08:20\n", await file.TextAsync());

        // An internal note that mentions a colleague, completed from the suggestions: "n" opens it, Ctrl+Enter sends it.
        await page.GetByTestId("ticket-subject").ClickAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(page.GetByTestId("reply-internal")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(reply.Locator("textarea")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Jessica, can you check the toner? @jess");
        await page.GetByTestId("mention-option").First.ClickAsync();
        await Expect(reply.Locator("textarea")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("@jessica\\.moore $"));
        await reply.Locator("textarea").PressAsync("Control+Enter");
        var note = page.GetByTestId("timeline-note");
        await Expect(note).ToHaveCountAsync(1);
        await Expect(note).ToContainTextAsync("@jessica.moore");
        await Expect(note).ToContainTextAsync("Internal note");

        // Status and assignee from the properties (on a phone they fold into a panel above the timeline).
        if (workspace.Device.Phone)
        {
            await page.GetByText("Properties").ClickAsync();
        }
        var properties = page.GetByTestId("ticket-properties");
        await properties.GetByRole(AriaRole.Combobox, new() { Name = "Status" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "In progress" }).ClickAsync();
        await Expect(page.GetByTestId("header-status")).ToHaveTextAsync("In progress");
        await properties.GetByTestId("assign-to-me").ClickAsync();
        await Expect(properties.GetByTestId("assign-to-me")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("timeline-change").Filter(new() { HasText = "Assignee" })).ToHaveCountAsync(1);

        // Time: the timer runs on the server; stopping it logs at least a minute. Then 15 minutes by hand.
        if (workspace.Device.Phone)
        {
            await page.GetByText("Properties").ClickAsync();
            await page.GetByText("Time", new() { Exact = true }).ClickAsync();
        }
        var time = page.GetByTestId("time-panel");
        await time.GetByTestId("timer-start").ClickAsync();
        await Expect(time.GetByTestId("timer-clock")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^00:00:0\d$"));
        await time.GetByTestId("timer-stop").ClickAsync();
        await Expect(time.GetByTestId("timer-start")).ToBeVisibleAsync();
        await time.GetByTestId("time-minutes").FillAsync("15");
        await time.GetByTestId("time-note").FillAsync("Replaced the fuser");
        await time.GetByTestId("time-log").ClickAsync();
        await Expect(time.GetByTestId("time-spent")).ToHaveTextAsync("Worked: 16 min");
        await Expect(time.GetByTestId("time-entries")).ToContainTextAsync("Replaced the fuser");

        // A colleague raises the priority through the API: the open page follows and says who did it.
        using (var jessica = await ApiAsAsync(AtendeServer.SecondAgentEmail))
        {
            var patch = await jessica.PatchAsync($"/api/v1/tickets/{number}", JsonContent.Create(new { priority = "urgent" }));
            Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());
        }
        await Expect(page.GetByText("Updated by Jessica Moore")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ticket-header")).ToContainTextAsync("Urgent");

        // Nothing was sent twice on the way.
        await Expect(page.GetByTestId("timeline-reply")).ToHaveCountAsync(2);
        await Expect(note).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("timeline-change").Filter(new() { HasText = "from Awaiting customer to In progress" })).ToHaveCountAsync(1);

        await workspace.AssertNoHorizontalOverflowAsync();
        // Toasts are checked once they have settled: fading out, they are translucent and fail contrast for a moment.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();
        var shot = await workspace.ScreenshotAsync("ticket");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var top = await workspace.ScreenshotAsync("ticket-top");
        output.WriteLine($"screenshots: {shot} {top}");
        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }

    /// <summary>A fresh ticket and a personal canned response, made through the API as the agent of the journey.</summary>
    private async Task<int> PrepareAsync(string run)
    {
        using var http = await ApiAsAsync(AtendeServer.AgentEmail);

        var ticket = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = $"Printer jam {run}",
            description = "The printer on floor 3 shows **E-42** since this morning.",
            requester = new { email = $"requester.{run}@client.example", name = "Requester" },
        });
        Assert.True(ticket.IsSuccessStatusCode, await ticket.Content.ReadAsStringAsync());
        var canned = await http.PostAsJsonAsync("/api/v1/canned-responses", new
        {
            title = $"Restart {run}",
            body = "Please restart the printer, {{requester.name}}, and tell us whether #{{ticket.number}} is solved.",
        });
        Assert.True(canned.IsSuccessStatusCode, await canned.Content.ReadAsStringAsync());
        return (await ticket.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
    }

    private async Task<HttpClient> ApiAsAsync(string email)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = AtendeServer.DemoPassword, name = "journey" });
        token.EnsureSuccessStatusCode();
        var secret = (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }
}
