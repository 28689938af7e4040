using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>An operator checks in a browser that the server is up and its database ready.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class HealthJourney(AtendeServer server, ChromiumBrowser chromium)
{
    [Fact]
    public async Task The_readiness_page_says_Healthy()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(server.Url("/health/ready").ToString());

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(page.Locator("body")).ToHaveTextAsync("Healthy");
        await Screenshots.TakeAsync(page, "health-ready.png");
    }
}
