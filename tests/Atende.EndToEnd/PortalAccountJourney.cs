using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// A customer creates their portal account, confirms it from the email, signs in, forgets the password and chooses a
/// new one from the reset email. The emails are read from the server's database, where they wait for SMTP.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class PortalAccountJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop", "en")]
    [InlineData("phone", "pt-BR")]
    [InlineData("desktop", "pt-BR")]
    [InlineData("phone", "en")]
    public async Task A_customer_signs_up_confirms_signs_in_and_resets_the_password(string device, string language)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        var portuguese = language == "pt-BR";
        await OpenSignUpAsync(page);
        var email = $"lia.{device}.{language}.{Guid.NewGuid():N}".ToLowerInvariant()[..40] + "@customer.example";
        const string name = "Lia Moreira";
        const string password = "first password here";
        const string newPassword = "second password here";

        await workspace.GotoAsync("/portal/sign-in");
        if (portuguese)
        {
            await page.GetByTestId("portal-language-pt").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Entrar");
        }
        await page.GetByTestId("sign-up-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(portuguese ? "Crie sua conta" : "Create your account");

        // A password that is too short is explained next to the field, in the reader's language.
        await page.GetByLabel(portuguese ? "Seu nome" : "Your name").FillAsync(name);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync("short");
        await page.Locator("#password").EvaluateAsync("e => e.removeAttribute('minlength')");
        await page.GetByTestId("sign-up-submit").ClickAsync();
        await Expect(page.GetByTestId("password-error")).ToHaveTextAsync(portuguese ? "A senha deve ter de 10 a 256 caracteres." : "The password must have from 10 to 256 characters.");
        await Expect(page.Locator("#language")).ToHaveValueAsync(language);
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-sign-up-error-{language}");

        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-up-submit").ClickAsync();
        await Expect(page.GetByTestId("sign-up-sent")).ToContainTextAsync(email);
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-sign-up-sent-{language}");

        // The mail waits in the queue: its link opens the confirmation page, and the button confirms.
        var confirm = await MailAsync(email, "account.confirm-email");
        Assert.Contains(portuguese ? "Confirme seu endereço" : "Confirm your email address", confirm.Subject);
        await page.GotoAsync(confirm.Link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(portuguese ? "Confirme seu e-mail" : "Confirm your email");
        await workspace.AssertAccessibleAsync();
        await SentToThePortalAsync(page, () => page.GetByTestId("confirm-submit").ClickAsync());
        await workspace.GotoAsync("/portal/sign-in");
        await Expect(page.GetByTestId("portal-user")).ToHaveTextAsync(name);

        // Signed out, the customer signs in on the portal's page.
        await page.GetByTestId("portal-sign-out").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await SentToThePortalAsync(page, () => page.GetByTestId("sign-in").ClickAsync());

        // Forgotten password: the link from the reset email sets a new one.
        await workspace.GotoAsync("/portal/sign-in");
        await page.GetByTestId("portal-sign-out").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal/sign-in");
        await page.GetByTestId("forgot-password-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(portuguese ? "Esqueceu sua senha?" : "Forgot your password?");
        await page.Locator("#email").FillAsync(email);
        await page.GetByTestId("reset-request-submit").ClickAsync();
        await Expect(page.GetByTestId("reset-sent")).ToContainTextAsync(email);
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-reset-sent-{language}");

        var reset = await MailAsync(email, "account.reset-password");
        await page.GotoAsync(reset.Link);
        await page.Locator("#password").FillAsync(newPassword);
        await page.GetByTestId("reset-submit").ClickAsync();
        await Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-reset-done-{language}");

        // The old password no longer works; the new one does.
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        await page.Locator("#password").FillAsync(newPassword);
        await SentToThePortalAsync(page, () => page.GetByTestId("sign-in").ClickAsync());

        // An old link cannot be used twice.
        await page.GotoAsync(reset.Link);
        await page.Locator("#password").FillAsync("third password here");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Expect(page.GetByTestId("token-invalid")).ToBeVisibleAsync();

        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }

    /// <summary>
    /// The form answers with a redirect to the portal's home, signed in. (The home page itself belongs to the requests
    /// part of the portal; the redirect is what this journey is about.)
    /// </summary>
    private async Task SentToThePortalAsync(IPage page, Func<Task> submit)
    {
        var landing = await page.RunAndWaitForResponseAsync(submit, r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/portal");
        var post = landing.Request.RedirectedFrom;
        Assert.NotNull(post);
        var headers = await (await post.ResponseAsync())!.AllHeadersAsync();
        Assert.Contains("atende=", headers.GetValueOrDefault("set-cookie") ?? "", StringComparison.Ordinal);
        // Until the home page exists on this branch the browser shows its own error page for the 404: let it settle.
        await Expect(page).ToHaveURLAsync(LandedOnThePortal());
    }

    /// <summary>The administrator opens sign-up to anyone (through the API: the admin page has its own journey).</summary>
    private async Task OpenSignUpAsync(IPage page)
    {
        var token = await page.Context.APIRequest.PostAsync(server.Url("/api/v1/auth/tokens").ToString(), new()
        {
            DataObject = new { email = AtendeServer.AdminEmail, password = AtendeServer.AdminPassword, name = "journey" },
        });
        Assert.True(token.Ok, await token.TextAsync());
        using var issued = JsonDocument.Parse(await token.TextAsync());
        var response = await page.Context.APIRequest.FetchAsync(server.Url("/api/v1/portal/settings").ToString(), new()
        {
            Method = "PATCH",
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + issued.RootElement.GetProperty("token").GetString() },
            DataObject = new { signUpMode = "open" },
        });
        Assert.True(response.Ok, await response.TextAsync());
    }

    private sealed record Mail(string Subject, string Link);

    /// <summary>The newest mail of that kind queued for the address, as the customer would find it in their inbox.</summary>
    private async Task<Mail> MailAsync(string to, string kind)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Subject", "TextBody" FROM "OutboundEmails" WHERE "To" = $to AND "Kind" = $kind ORDER BY "Id" DESC LIMIT 1""";
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No {kind} mail was queued for {to}.");
        var body = reader.GetString(1);
        var link = LinkPattern().Match(body);
        Assert.True(link.Success, body);
        return new Mail(reader.GetString(0), link.Value);
    }

    /// <summary>The portal's home, or the browser's own page for its 404 while this branch has no home page.</summary>
    [GeneratedRegex(@"^chrome-error:|/portal$")]
    private static partial Regex LandedOnThePortal();

    [GeneratedRegex(@"https?://\S+\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
