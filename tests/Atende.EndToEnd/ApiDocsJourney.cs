using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An integrator opens the API reference and finds how to open a ticket, on a desktop and on a phone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ApiDocsJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop", 1366, 768, false)]
    [InlineData("phone", 390, 844, true)]
    public async Task The_API_reference_shows_how_to_open_a_ticket(string device, int width, int height, bool phone)
    {
        var clock = Stopwatch.StartNew();
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
        });
        var blocked = await KeepToTheServerAsync(context);
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        var console = new List<string>();
        page.PageError += (_, e) => pageErrors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                console.Add($"console {m.Type}: {m.Text} ({m.Location})");
            }
        };

        await page.GotoAsync(server.Url("/api/docs").ToString());

        // Scalar adds the trailing slash itself (/api/docs -> /api/docs/) so its relative asset paths resolve.
        var landed = new Uri(page.Url);
        Assert.Equal(server.BaseAddress.Authority, landed.Authority);
        Assert.Equal("/api/docs", landed.AbsolutePath.TrimEnd('/'));
        await Expect(page).ToHaveTitleAsync("Atende API");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Atende API", Level = 1 })).ToBeInViewportAsync();
        await AssertNoHorizontalOverflowAsync(page, width);
        var landing = await Screenshots.TakeAsync(page, $"api-docs-{device}-{width}x{height}.png");

        // Operations render once their group is opened: from the sidebar, behind the menu button on a phone.
        if (phone)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Open Menu" }).ClickAsync();
        }
        var sidebar = page.GetByRole(AriaRole.Complementary);
        await sidebar.GetByRole(AriaRole.Link, new() { Name = "Tickets", Exact = true }).ClickAsync();
        await sidebar.GetByRole(AriaRole.Link, new() { Name = "Open a ticket" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open a ticket" })).ToBeInViewportAsync();
        await Expect(page.GetByText("/api/v1/tickets").First).ToBeVisibleAsync();
        await AssertNoHorizontalOverflowAsync(page, width);
        var operation = await Screenshots.TakeAsync(page, $"api-docs-{device}-{width}x{height}-open-a-ticket.png");

        output.WriteLine($"{device} {width}x{height}: journey took {clock.ElapsedMilliseconds} ms");
        output.WriteLine($"screenshots: {landing}, {operation}");
        foreach (var line in blocked.Concat(console))
        {
            output.WriteLine(line);
        }
        Assert.Empty(pageErrors);
    }

    /// <summary>
    /// The page must fit the viewport's width: sideways scrolling is the classic phone-layout defect.
    /// Scalar scrolls the document itself, so the document element is the one to measure.
    /// </summary>
    private static async Task AssertNoHorizontalOverflowAsync(IPage page, int width)
    {
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(clientWidth <= width, $"The layout is {clientWidth}px wide on a {width}px viewport.");
        Assert.True(scrollWidth <= clientWidth, $"The page is {scrollWidth}px wide but the viewport shows {clientWidth}px: it scrolls sideways.");
    }

    /// <summary>
    /// Requests anywhere but the server are aborted and listed in the test output: the tests must pass on a
    /// machine without a network, and what the page tries to fetch from elsewhere is worth knowing.
    /// </summary>
    private async Task<List<string>> KeepToTheServerAsync(IBrowserContext context)
    {
        var blocked = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || url.Authority == server.BaseAddress.Authority)
            {
                await route.ContinueAsync();
                return;
            }
            lock (blocked)
            {
                blocked.Add($"blocked request: {route.Request.Url}");
            }
            await route.AbortAsync();
        });
        return blocked;
    }
}
