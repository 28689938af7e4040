using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.Portal;

/// <summary>The portal's account pages as a browser uses them: server-rendered forms with antiforgery tokens.</summary>
public sealed partial class PortalFormsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { signUpMode = "open" });
        var email = $"forged.{desk.Suffix}@nowhere.example";
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.PostAsync("/portal/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "portal-sign-up",
            ["Input.Name"] = "Forged",
            ["Input.Email"] = email,
            ["Input.Password"] = "a long enough password",
            ["Input.Language"] = "en",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = factory.CreateDb();
        Assert.False(await db.OutboundEmails.AnyAsync(m => m.To == email));
    }

    [Fact]
    public async Task Signing_up_on_the_page_says_to_check_the_mailbox_and_confirming_signs_the_customer_in()
    {
        var desk = await Desk.BuildAsync(factory);
        await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { signUpMode = "open" });
        var email = $"page.{desk.Suffix}@nowhere.example";
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signUp = await PostFormAsync(browser, "/portal/sign-up", "portal-sign-up", new()
        {
            ["Input.Name"] = "Paula Page",
            ["Input.Email"] = email,
            ["Input.Password"] = "a long enough password",
            ["Input.Language"] = "en",
        });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Contains("data-testid=\"sign-up-sent\"", await signUp.Content.ReadAsStringAsync());

        string body;
        await using (var db = factory.CreateDb())
        {
            body = (await db.OutboundEmails.SingleAsync(m => m.To == email)).TextBody;
        }
        var token = PortalAccountsTests.TokenIn(body, "/portal/confirm?token=");
        // Opening the link spends nothing: mail scanners open links too.
        Assert.Contains("confirm-submit", await browser.GetStringAsync($"/portal/confirm?token={token}"));
        var confirmed = await PostFormAsync(browser, $"/portal/confirm?token={token}", "portal-confirm", new() { ["Input.Token"] = token });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/portal", PathOf(confirmed));
        Assert.Contains(confirmed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("atende=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_password_on_the_sign_up_page_is_explained_in_Portuguese()
    {
        var desk = await Desk.BuildAsync(factory);
        await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { signUpMode = "open" });
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pt-BR");

        var response = await PostFormAsync(browser, "/portal/sign-up", "portal-sign-up", new()
        {
            ["Input.Name"] = "Curta",
            ["Input.Email"] = $"curta.{desk.Suffix}@nowhere.example",
            ["Input.Password"] = "curta",
            ["Input.Language"] = "pt-BR",
        });

        Assert.Contains("A senha deve ter de 10 a 256 caracteres.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_customer_signs_in_on_the_portal_page_and_lands_in_the_portal()
    {
        var desk = await Desk.BuildAsync(factory);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var wrong = await PostFormAsync(browser, "/portal/sign-in", "portal-sign-in", new() { ["Input.Email"] = desk.CarlaEmail, ["Input.Password"] = "wrong password" });
        Assert.Contains("sign-in-error", await wrong.Content.ReadAsStringAsync());

        var response = await PostFormAsync(browser, "/portal/sign-in", "portal-sign-in", new() { ["Input.Email"] = desk.CarlaEmail, ["Input.Password"] = Desk.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal", PathOf(response));
    }

    [Fact]
    public async Task The_sign_in_page_never_sends_a_customer_to_another_site()
    {
        var desk = await Desk.BuildAsync(factory);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await PostFormAsync(browser, "/portal/sign-in?returnUrl=//evil.example/x", "portal-sign-in",
            new() { ["Input.Email"] = desk.CarlaEmail, ["Input.Password"] = Desk.Password });

        Assert.Equal("localhost", new Uri(new Uri("http://localhost"), response.Headers.Location!).Host);
        Assert.Equal("/portal", PathOf(response));
    }

    private static string PathOf(HttpResponseMessage redirect) => new Uri(new Uri("http://localhost"), redirect.Headers.Location!).PathAndQuery;

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, string form, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(url);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
