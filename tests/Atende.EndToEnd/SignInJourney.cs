using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>An agent signs in, switches the workspace to Portuguese, finds the shortcuts, and signs out.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SignInJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_signs_in_works_in_Portuguese_and_signs_out(string device)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;

        // A wrong password says so, in the page, without saying whether the email exists.
        await workspace.GotoAsync("/agent");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/sign-in");
        await page.Locator("#email").FillAsync(AtendeServer.AgentEmail);
        await page.Locator("#password").FillAsync("not-the-password");
        await page.GetByTestId("sign-in").ClickAsync();
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("wrong");
        await workspace.AssertAccessibleAsync();

        await workspace.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword);
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        // Start from English whatever an earlier run of this journey left behind.
        await workspace.GotoAsync("/account/language?language=en&returnUrl=/account/settings");

        // Language: the settings page switches the whole UI and remembers it on the account.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Português (Brasil)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Language" })).ToContainTextAsync("Português");
        await page.GetByTestId("save-preferences").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Configurações", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-BR");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        var settings = await workspace.ScreenshotAsync("settings-pt-BR");

        // The ? overlay lists the shortcuts, translated.
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 200 } });
        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByTestId("shortcuts-overlay")).ToContainTextAsync("Mostrar esta lista");
        await page.Keyboard.PressAsync("Escape");

        // Back to English for the next journeys of this agent, then sign out.
        await workspace.GotoAsync("/account/language?language=en&returnUrl=/agent");
        await page.GetByTestId("account-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/sign-in");
        await workspace.GotoAsync("/agent");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/sign-in");

        output.WriteLine($"screenshot: {settings}");
        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }
}
