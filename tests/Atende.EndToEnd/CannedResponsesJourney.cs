using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>An admin writes a shared canned response; it is then offered to agents in the reply box.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CannedResponsesJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_writes_a_shared_canned_response(string device)
    {
        var title = $"Password reset {Guid.NewGuid().ToString("N")[..6]}";
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.DemoAdminEmail, AtendeServer.DemoPassword);
        await workspace.GotoAsync("/admin/canned-responses");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Canned responses", Level = 1 })).ToBeVisibleAsync();

        await page.GetByTestId("canned-new").ClickAsync();
        await page.GetByTestId("canned-title").FillAsync(title);
        // A typo in a placeholder is refused and the text stays for fixing.
        await page.GetByTestId("canned-body").FillAsync("Hi {{requester.nmae}}, use the link to reset it.");
        await page.GetByTestId("canned-save").ClickAsync();
        await Expect(page.GetByText("unknown placeholder")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("canned-title")).ToHaveValueAsync(title);
        await page.GetByTestId("canned-body").FillAsync("Hi {{requester.name}}, use the link to reset it.");
        await page.GetByTestId("canned-save").ClickAsync();

        var row = page.GetByTestId("canned-table").Locator("tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("Shared");
        await workspace.AssertNoHorizontalOverflowAsync();
        // Toasts are checked once they have settled: fading out, they are translucent and fail contrast for a moment.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();
        output.WriteLine($"screenshot: {await workspace.ScreenshotAsync("canned-responses")}");
        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }
}
