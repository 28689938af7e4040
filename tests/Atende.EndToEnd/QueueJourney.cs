using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An agent narrows a queue with the filter builder, saves it as a view, opens it again and finds a ticket in it;
/// searches; then moves a ticket on the board (drag and drop on a desktop, the card's menu on a phone).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class QueueJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_saves_a_view_finds_a_ticket_and_moves_one_on_the_board(string device)
    {
        // The demo desk is generated relative to today, so which VPN tickets are open in this agent's teams varies by
        // date: the journey brings its own (a ticket with no team is in every agent's "All open").
        await OpenTicketThroughTheApiAsync($"VPN certificate expired {Guid.NewGuid().ToString("N")[..6]}");
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword, "/agent/views/all-open");
        await Expect(page.GetByTestId("queue-title")).ToHaveTextAsync("All open");
        await Expect(page.GetByTestId("queue-row").First).ToBeVisibleAsync();
        await page.GetByTestId("toggle-filters").ClickAsync();
        await Expect(page.GetByTestId("queue-filter")).ToBeVisibleAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("queue-filters");
        await page.GetByTestId("toggle-filters").ClickAsync();

        // Narrow "All open" to VPN tickets and keep that as a personal view.
        await page.GetByTestId("toggle-filters").ClickAsync();
        var text = page.GetByTestId("filter-text");
        await text.FillAsync("VPN");
        await text.PressAsync("Enter");
        // Full text also matches the conversation, so not every row says VPN in its subject; one does.
        await Expect(page.GetByTestId("queue-row").Filter(new() { HasText = "VPN" }).First).ToBeVisibleAsync();
        var viewName = $"VPN on {device} {Guid.NewGuid().ToString("N")[..4]}";
        await page.GetByTestId("save-as-view").ClickAsync();
        await page.GetByTestId("view-name").FillAsync(viewName);
        await page.GetByTestId("save-view").ClickAsync();
        await page.WaitForURLAsync(SavedViewUrl());
        await Expect(page.GetByTestId("queue-title")).ToHaveTextAsync(viewName);
        var viewUrl = new Uri(page.Url).AbsolutePath;

        // The view is in the navigation with its count; opening it again lists the VPN tickets.
        await workspace.GotoAsync("/agent/views/my-open");
        if (workspace.Device.Phone)
        {
            await workspace.GotoAsync(viewUrl);
        }
        else
        {
            var link = page.GetByTestId("queue-nav").GetByRole(AriaRole.Link, new() { Name = viewName });
            await Expect(link.GetByTestId("queue-count")).ToHaveTextAsync(Count());
            await link.ClickAsync();
        }
        await Expect(page.GetByTestId("queue-title")).ToHaveTextAsync(viewName);
        var first = page.GetByTestId("queue-row").Filter(new() { HasText = "VPN" }).First;
        await Expect(first).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        var savedView = await workspace.ScreenshotAsync("queue-saved-view");

        // A ticket that matches the view, opened elsewhere (here: through the API), appears without a reload.
        var subject = $"VPN drops every hour {Guid.NewGuid().ToString("N")[..6]}";
        await OpenTicketThroughTheApiAsync(subject);
        await Expect(page.GetByTestId("queue-row").Filter(new() { HasText = subject })).ToBeVisibleAsync();

        // Keyboard: j highlights the first ticket, x selects it (the bulk bar appears), Enter opens it.
        if (!workspace.Device.Phone)
        {
            await page.GetByTestId("queue-title").ClickAsync();
            await page.Keyboard.PressAsync("j");
            await Expect(page.Locator(".queue-row.is-highlighted")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("x");
            await Expect(page.GetByTestId("bulk-bar")).ToBeVisibleAsync();
            await workspace.ScreenshotAsync("queue-bulk-bar");
            await page.GetByTestId("bulk-clear").ClickAsync();
        }
        var number = await first.GetAttributeAsync("data-number");
        // The ticket page belongs to another part of the workspace; the row links to it.
        await Expect(first.GetByTestId("row-link")).ToHaveAttributeAsync("href", $"agent/tickets/{number}");

        // Search finds it too.
        await workspace.GotoAsync("/agent/search?q=VPN");
        await Expect(page.GetByTestId("search-tickets").GetByTestId("queue-row").Filter(new() { HasText = "VPN" }).First).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        var search = await workspace.ScreenshotAsync("queue-search");

        // Board: a ticket of the "New" column goes to "In progress".
        await workspace.GotoAsync("/agent/board");
        var newColumn = page.GetByTestId("board-column-new");
        var progress = page.GetByTestId("board-column-in_progress");
        var card = newColumn.GetByTestId("board-card").First;
        await Expect(card).ToBeVisibleAsync();
        var moved = await card.GetAttributeAsync("data-number");
        await workspace.AssertAccessibleAsync();
        if (workspace.Device.Phone)
        {
            await card.GetByTestId("card-menu").ClickAsync();
            await page.GetByTestId("move-to-in_progress").ClickAsync();
        }
        else
        {
            // Drop on the column's header: the column is taller than the screen, and its centre is far below.
            await card.DragToAsync(progress, new() { TargetPosition = new() { X = 100, Y = 12 } });
        }
        await Expect(progress.Locator($"[data-number='{moved}']")).ToBeVisibleAsync();
        await Expect(newColumn.Locator($"[data-number='{moved}']")).ToHaveCountAsync(0);
        await workspace.AssertNoHorizontalOverflowAsync();
        var board = await workspace.ScreenshotAsync("queue-board");

        output.WriteLine($"screenshots: {savedView} {search} {board}");
        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }

    private async Task OpenTicketThroughTheApiAsync(string subject)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email = AtendeServer.SecondAgentEmail, password = AtendeServer.DemoPassword, name = "queue journey" });
        token.EnsureSuccessStatusCode();
        var secret = (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var created = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            description = "Since the update the tunnel drops every hour.",
            requester = new { email = "queue.journey@client.example", name = "Queue Journey" },
        });
        created.EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"/agent/views/\d+$")]
    private static partial Regex SavedViewUrl();

    [GeneratedRegex(@"^\d+(\+)?$|^999\+$")]
    private static partial Regex Count();
}
