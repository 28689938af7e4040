using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// The administrator names the portal at /admin/portal; an agent invites a customer from the customer's page; the
/// customer opens the invitation email's link, chooses a password and is signed in to the portal.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class PortalInvitationJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_brands_the_portal_and_an_agent_invites_a_customer_who_joins(string device)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.DemoAdminEmail, AtendeServer.DemoPassword);
        var brand = $"Horizonte Help {device}";

        await workspace.GotoAsync("/admin/portal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer portal", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Portal name").FillAsync(brand);
        await page.GetByLabel("Brand color").FillAsync("#0b6e4f");
        await page.GetByText("Only customers an agent invites").ClickAsync();
        await page.GetByTestId("portal-save").ClickAsync();
        await Expect(page.GetByText("Portal settings saved.")).ToBeVisibleAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.GetByTestId("portal-logo")).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.ScreenshotAsync("admin-portal");
        // Toasts are checked once they have settled: fading out, they are translucent and fail contrast for a moment.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();

        // A customer the team knows but who cannot sign in yet.
        var email = $"convidada.{device}.{Guid.NewGuid():N}"[..36] + "@customer.example";
        var customerId = await CreateCustomerAsync(page, email);
        await workspace.GotoAsync($"/agent/customers/{customerId}");
        await page.GetByTestId("customer-invite").ClickAsync();
        await Expect(page.GetByText($"Invitation sent to {email}.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("customer-invite")).ToHaveCountAsync(0);
        await workspace.ScreenshotAsync("customer-invited");
        // A toast under the pointer stays open: move the pointer off it.
        await page.Mouse.MoveAsync(10, 450);
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertAccessibleAsync();

        // The customer, in another browser, follows the link from the email (in Portuguese: the customer's language).
        await using var customer = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var link = await InvitationLinkAsync(email);
        await customer.Page.GotoAsync(link);
        await Expect(customer.Page.GetByTestId("portal-brand")).ToContainTextAsync(brand);
        await Expect(customer.Page.GetByTestId("portal-brand").Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 8);
        await customer.Page.Locator("#password").FillAsync("my invited password");
        var landing = await customer.Page.RunAndWaitForResponseAsync(() => customer.Page.GetByTestId("invitation-submit").ClickAsync(),
            r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/portal");
        Assert.NotNull(landing.Request.RedirectedFrom);
        await Expect(customer.Page).ToHaveURLAsync(LandedOnThePortal());
        await customer.GotoAsync("/portal/sign-in");
        await Expect(customer.Page.GetByTestId("portal-user")).ToHaveTextAsync("Convidada Souza");
        await customer.AssertNoHorizontalOverflowAsync();
        await customer.AssertAccessibleAsync();
        await customer.ScreenshotAsync("invited-customer-signed-in");

        // Leave the portal as the other journeys expect it.
        await workspace.GotoAsync("/admin/portal");
        await page.GetByTestId("portal-logo-remove").ClickAsync();
        await Expect(page.GetByTestId("portal-logo")).ToHaveCountAsync(0);
        await page.GetByLabel("Portal name").FillAsync("");
        await page.GetByLabel("Brand color").FillAsync("");
        await page.GetByTestId("portal-save").ClickAsync();
        await Expect(page.GetByText("Portal settings saved.")).ToBeVisibleAsync();

        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
        Assert.Empty(customer.PageErrors);
    }

    /// <summary>An 8x8 green square.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPgzvPHihiGlgQAeOUyARGyp+UAAAAASUVORK5CYII=");

    private async Task<int> CreateCustomerAsync(IPage page, string email)
    {
        var response = await page.Context.APIRequest.PostAsync(server.Url("/api/v1/customers").ToString(), new()
        {
            DataObject = new { email, name = "Convidada Souza", language = "pt-BR" },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var created = JsonDocument.Parse(await response.TextAsync());
        return created.RootElement.GetProperty("id").GetInt32();
    }

    private async Task<string> InvitationLinkAsync(string to)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Subject", "TextBody" FROM "OutboundEmails" WHERE "To" = $to AND "Kind" = 'account.invitation' ORDER BY "Id" DESC LIMIT 1""";
        command.Parameters.AddWithValue("$to", to);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No invitation was queued for {to}.");
        Assert.StartsWith("Você foi convidado", reader.GetString(0));
        var link = LinkPattern().Match(reader.GetString(1));
        Assert.True(link.Success);
        return link.Value;
    }

    /// <summary>The portal's home, or the browser's own page for its 404 while this branch has no home page.</summary>
    [GeneratedRegex(@"^chrome-error:|/portal$")]
    private static partial Regex LandedOnThePortal();

    [GeneratedRegex(@"https?://\S+\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
