using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An administrator connects a mailbox from /admin/mailboxes on a desk and on a phone, then tests it: the server's
/// port is closed, and the test says so in words, for incoming and outgoing mail.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MailboxJourney(AtendeServer server, ChromiumBrowser chromium)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_connects_a_mailbox_and_the_test_says_what_failed(string device)
    {
        var run = $"{device}{Guid.NewGuid():N}"[..14];
        var closed = FreePort();
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword, "/admin/mailboxes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mailboxes", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mailbox-failed-link")).ToHaveAttributeAsync("href", "admin/mailboxes/failed");

        await page.GetByTestId("mailbox-new").ClickAsync();
        await Expect(page.GetByTestId("mailbox-form")).ToBeVisibleAsync();
        await page.GetByTestId("mailbox-name").FillAsync($"Support {run}");
        await page.GetByTestId("mailbox-address").FillAsync($"support.{run}@desk.example");
        await page.GetByTestId("mailbox-host").FillAsync("127.0.0.1");
        await page.GetByTestId("mailbox-port").FillAsync(closed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("mailbox-username").FillAsync("support");
        await page.GetByTestId("mailbox-password").FillAsync("not-shown-again");
        await workspace.ScreenshotAsync("mailbox-form");
        await page.GetByTestId("mailbox-save").ClickAsync();

        var row = page.GetByTestId("mailbox-table").Locator("tr").Filter(new() { HasText = $"support.{run}@desk.example" });
        await Expect(row).ToBeVisibleAsync();
        await row.GetByTestId("mailbox-test").ClickAsync();
        var result = page.GetByTestId("mailbox-test-result");
        await Expect(result).ToContainTextAsync("Incoming mail: Connection refused", new() { Timeout = 30_000 });
        await Expect(result).ToContainTextAsync($"127.0.0.1:{closed} refused the connection");
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.ScreenshotAsync("mailbox-test");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();

        // Editing keeps the saved password without ever showing it.
        await row.GetByTestId("mailbox-edit").ClickAsync();
        await Expect(page.GetByTestId("mailbox-password")).ToHaveValueAsync("");
        await Expect(page.GetByTestId("mailbox-form")).ToContainTextAsync("A password is saved");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
