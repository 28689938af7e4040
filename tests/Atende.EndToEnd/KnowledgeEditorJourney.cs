using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An agent writes and publishes an article (with a preview), readers find it in the help center, a resolved
/// ticket starts a new article, and a reply links an article.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class KnowledgeEditorJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_writes_and_publishes_an_article_and_links_it_from_a_ticket(string device)
    {
        var word = "zeppelin" + Guid.NewGuid().ToString("N")[..6];
        var title = $"Book the {word} meeting room";
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        var shots = new List<string>();
        await workspace.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword);

        await workspace.GotoAsync("/agent/kb");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Knowledge base", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("kb-articles")).ToContainTextAsync("Reset your password");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();

        // Write, preview, publish.
        await page.GetByTestId("kb-new").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agent/kb/new", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByTestId("kb-title").FillAsync(title);
        await page.GetByTestId("kb-body").FillAsync($"Open the **calendar** and pick the {word} room.\n\n1. Choose a time\n2. Invite people");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByTestId("kb-preview").Locator("strong")).ToHaveTextAsync("calendar");
        await workspace.AssertAccessibleAsync();
        shots.Add(await workspace.ScreenshotAsync("kb-editor-preview"));
        await page.GetByTestId("kb-publish").ClickAsync();
        await Expect(page.GetByTestId("kb-status")).ToHaveTextAsync("Published");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/agent/kb/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        await workspace.AssertNoHorizontalOverflowAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();
        shots.Add(await workspace.ScreenshotAsync("kb-editor-published"));

        // The help center finds it at once.
        await workspace.GotoAsync($"/help/search?q={word}");
        await Expect(page.GetByTestId("help-search-results")).ToContainTextAsync(title);

        // A resolved ticket starts an article with its question and answer.
        var resolved = await FirstTicketAsync(workspace, "resolved");
        await workspace.GotoAsync($"/agent/tickets/{resolved.Number}");
        await page.GetByTestId("new-article-from-ticket").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agent/kb/new", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("kb-title")).ToHaveValueAsync(resolved.Subject);
        await Expect(page.GetByTestId("kb-body")).Not.ToBeEmptyAsync();
        await workspace.AssertAccessibleAsync();
        shots.Add(await workspace.ScreenshotAsync("kb-editor-from-ticket"));

        // The reply box inserts a link to a published article.
        var open = await FirstTicketAsync(workspace, "open");
        await workspace.GotoAsync($"/agent/tickets/{open.Number}");
        // On a phone the docked box shows its tools once the agent starts writing.
        await page.GetByTestId("reply-body").FillAsync("This article explains it:");
        await page.GetByTestId("article-toggle").ClickAsync();
        await page.GetByTestId("article-search").FillAsync(word);
        await page.GetByTestId("article-option").First.ClickAsync();
        await Expect(page.GetByTestId("reply-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($@"^This article explains it: \[{title}\]\(http://127\.0\.0\.1:\d+/help/articles/\d+-book-the-{word}-meeting-room\)"));
        await workspace.AssertNoHorizontalOverflowAsync();
        shots.Add(await workspace.ScreenshotAsync("kb-reply-link"));

        shots.ForEach(s => output.WriteLine($"screenshot: {s}"));
        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }

    /// <summary>Asks the API with the agent's own cookie for a demo ticket in a status category.</summary>
    private static async Task<(int Number, string Subject)> FirstTicketAsync(Workspace workspace, string statusCategory)
    {
        var response = await workspace.Page.APIRequest.GetAsync(workspace.Server.Url($"/api/v1/tickets?statusCategory={statusCategory}&limit=1").ToString());
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        var ticket = json.RootElement.GetProperty("items")[0];
        return (ticket.GetProperty("number").GetInt32(), ticket.GetProperty("subject").GetString()!);
    }
}
