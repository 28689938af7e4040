using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>A visitor without an account reads and searches the help center, in English and in Portuguese.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class HelpCenterJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_visitor_browses_searches_reads_and_votes_in_English_and_Portuguese(string device)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        var shots = new List<string>();

        // English: the home lists the demo categories; internal articles are not counted for a visitor.
        await workspace.GotoAsync("/account/language?language=en&returnUrl=/help");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How can we help?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("help-categories")).ToContainTextAsync("Network and VPN");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        shots.Add(await workspace.ScreenshotAsync("help-home-en"));

        // A category page lists its articles.
        await page.GetByRole(AriaRole.Link, new() { Name = "Devices and printers" }).ClickAsync();
        await Expect(page.GetByTestId("help-category-articles")).ToContainTextAsync("Printer shows error E-42");
        await Expect(page.GetByTestId("help-category-articles")).Not.ToContainTextAsync("Escalating a hardware failure");
        await workspace.AssertAccessibleAsync();

        // Search with a word prefix ("disconnect" finds "disconnects"); the matched words are marked.
        await page.GetByTestId("help-search-input").FillAsync("vpn disconnect");
        await page.GetByTestId("help-search-button").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/help/search");
        var first = page.GetByTestId("help-search-results").Locator("li").First;
        await Expect(first).ToContainTextAsync("Connect to the office VPN");
        await Expect(first.Locator("mark").First).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        shots.Add(await workspace.ScreenshotAsync("help-search-en"));

        // The article: rendered Markdown, a link to its Portuguese version, and a vote.
        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("help-article").Locator("ol li").First).ToContainTextAsync("WireGuard");
        await Expect(page.GetByTestId("help-translation")).ToHaveTextAsync("Portuguese");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await page.GetByTestId("help-feedback-yes").ClickAsync();
        await Expect(page.GetByTestId("help-feedback-thanks")).ToContainTextAsync("glad");
        shots.Add(await workspace.ScreenshotAsync("help-article-en"));

        // Portuguese: the reader's language is preferred in lists and search, accents or not.
        await page.GetByTestId("portal-language-pt").ClickAsync();
        // The switch is a navigation (it sets a cookie and comes back): let it land before going elsewhere.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-BR");
        await workspace.GotoAsync("/help");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Como podemos ajudar?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("help-categories")).ToContainTextAsync("Dispositivos e impressoras");
        shots.Add(await workspace.ScreenshotAsync("help-home-pt-BR"));
        await page.GetByTestId("help-search-input").FillAsync("impressora erro");
        await page.GetByTestId("help-search-button").ClickAsync();
        var primeiro = page.GetByTestId("help-search-results").Locator("li").First;
        await Expect(primeiro).ToContainTextAsync("Impressora mostra o erro E-42");
        await workspace.AssertAccessibleAsync();
        shots.Add(await workspace.ScreenshotAsync("help-search-pt-BR"));
        await workspace.GotoAsync("/help/search?q=senha%20esqueceu");
        await page.GetByTestId("help-search-results").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Redefinir sua senha", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("help-translation")).ToHaveTextAsync("Inglês");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        shots.Add(await workspace.ScreenshotAsync("help-article-pt-BR"));

        // Back to English for the journeys that follow in this browser.
        await workspace.GotoAsync("/account/language?language=en&returnUrl=/help");
        shots.ForEach(s => output.WriteLine($"screenshot: {s}"));
        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }
}
