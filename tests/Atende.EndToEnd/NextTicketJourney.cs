using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>An agent works through a queue from the keyboard: open the first ticket, j for the next, k to go back.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NextTicketJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task J_and_k_walk_through_the_queue_the_ticket_was_opened_from(string device)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword, "/agent/views/all-open");
        var rows = page.GetByTestId("queue-row");
        await Expect(rows.Nth(2)).ToBeVisibleAsync();
        var first = await rows.Nth(0).GetAttributeAsync("data-number");
        var second = await rows.Nth(1).GetAttributeAsync("data-number");

        await rows.Nth(0).GetByTestId("row-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/agent/tickets/{first}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("ticket-header")).ToContainTextAsync($"#{first}");
        // Keys go to the page, not to a field: click on the title first, as an agent would.
        await page.GetByTestId("ticket-subject").ClickAsync();
        await page.Keyboard.PressAsync("j");
        await page.WaitForURLAsync(url => url.EndsWith($"/agent/tickets/{second}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("ticket-header")).ToContainTextAsync($"#{second}");
        await page.Keyboard.PressAsync("k");
        await page.WaitForURLAsync(url => url.EndsWith($"/agent/tickets/{first}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });

        // The ? overlay lists the ticket page's keys, "next ticket" among them.
        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByTestId("shortcuts-overlay")).ToContainTextAsync("Next ticket of the list");
        output.WriteLine(await workspace.ScreenshotAsync("shortcuts-on-ticket"));
        Assert.Empty(workspace.PageErrors);
    }
}
