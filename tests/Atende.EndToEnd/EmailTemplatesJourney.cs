using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>An administrator rewrites the acknowledgement customers receive, sees it marked as theirs, and goes back to the built-in text.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class EmailTemplatesJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_customizes_a_template_and_resets_it(string device)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.DemoAdminEmail, AtendeServer.DemoPassword);

        await workspace.GotoAsync("/admin/email-templates");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email templates", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("template-state")).ToHaveTextAsync("Built-in text");
        await Expect(page.GetByTestId("template-placeholders")).ToContainTextAsync("{{ticket.subject}}");
        await page.GetByLabel("Subject").FillAsync($"Got it ({device}): {{{{ticket.subject}}}}");
        await page.GetByTestId("template-save").ClickAsync();
        await Expect(page.GetByText("Template saved.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("template-state")).ToHaveTextAsync("Customized");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.ScreenshotAsync("email-template-customized");
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();

        await page.GetByTestId("template-reset").ClickAsync();
        await Expect(page.GetByTestId("template-state")).ToHaveTextAsync("Built-in text");
        await Expect(page.GetByLabel("Subject")).ToHaveValueAsync("We received your request: {{ticket.subject}}");
        output.WriteLine($"email templates journey on {device} passed");
    }
}
