using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Atende.Web.Tests.People;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Atende.Web.Tests.Security;

/// <summary>What a person changes about their own account: language, time zone, password, two-factor; and the sign-in page.</summary>
public sealed partial class AccountSettingsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Language_and_time_zone_are_saved_and_checked()
    {
        var (desk, email) = await NewAgentAsync();
        var agent = await desk.SignInAsync(email, Desk.Password);

        var changed = await agent.ChangeAsync("/api/v1/me", new { language = "pt-br", timeZone = "America/Sao_Paulo" });
        Assert.Equal("pt-BR", changed["language"]!.GetValue<string>());
        Assert.Equal("America/Sao_Paulo", (await agent.GetJsonAsync("/api/v1/me"))["timeZone"]!.GetValue<string>());

        var bad = await agent.PatchAsJsonAsync("/api/v1/me", new { language = "klingon", timeZone = "Mars/Olympus_Mons" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["language", "timeZone"], (await bad.ErrorFieldsAsync()).Order());
    }

    [Fact]
    public async Task A_new_password_needs_the_current_one_and_replaces_it()
    {
        var (desk, email) = await NewAgentAsync();
        var agent = await desk.SignInAsync(email, Desk.Password);

        var wrong = await agent.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not-my-password", newPassword = "a brand new password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["currentPassword"], await wrong.ErrorFieldsAsync());
        var tooShort = await agent.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Desk.Password, newPassword = "short" });
        Assert.Equal(["newPassword"], await tooShort.ErrorFieldsAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Desk.Password, newPassword = "a brand new password" })).StatusCode);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = "a brand new password" })).StatusCode);
    }

    [Fact]
    public async Task Two_factor_asks_for_a_code_from_the_authenticator_and_accepts_a_recovery_code_once()
    {
        var (desk, email) = await NewAgentAsync();
        var agent = await desk.SignInAsync(email, Desk.Password);

        var setup = await (await agent.PostAsync("/api/v1/me/two-factor/setup", null)).JsonAsync();
        var key = setup["sharedKey"]!.GetValue<string>().Replace(" ", "", StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/", setup["authenticatorUri"]!.GetValue<string>());
        var wrongCode = await agent.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = WrongCode(key) });
        Assert.Equal(["code"], await wrongCode.ErrorFieldsAsync());
        var enabled = await agent.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recovery = (await enabled.JsonAsync())["codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, recovery.Count);
        Assert.True((await agent.GetJsonAsync("/api/v1/me"))["twoFactorEnabled"]!.GetValue<bool>());

        var anonymous = factory.CreateClient();
        var withoutCode = await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("Two-factor code required", (await withoutCode.JsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password, code = WrongCode(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password, code = Totp(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password, code = recovery[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password, code = recovery[0] })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { password = "not-my-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { password = Desk.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password })).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_lets_agents_into_the_workspace_and_keeps_customers_out()
    {
        var (desk, email) = await NewAgentAsync();
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var anonymous = await browser.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);

        var wrong = await PostSignInAsync(browser, email, "not-the-password", "/agent");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("sign-in-error", await wrong.Content.ReadAsStringAsync());

        // Somewhere else is never a place to go back to after signing in.
        var signedIn = await PostSignInAsync(browser, email, Desk.Password, "//evil.example/phish");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/agent", signedIn.Headers.Location!.AbsolutePath);
        Assert.Equal("localhost", signedIn.Headers.Location.Host);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/agent")).StatusCode);
        Assert.Equal("agent", (await browser.GetJsonAsync("/api/v1/me"))["kind"]!.GetValue<string>());

        var customer = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(customer, desk.AnaEmail, Desk.Password, "/agent")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/agent")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task A_language_picked_on_the_sign_in_page_is_kept_on_the_account()
    {
        var (_, email) = await NewAgentAsync();
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/language?language=pt-BR&returnUrl=/account/sign-in")).StatusCode);
        Assert.Contains("Entrar", await browser.GetStringAsync("/account/sign-in"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(browser, email, Desk.Password, "/agent")).StatusCode);

        Assert.Equal("pt-BR", (await browser.GetJsonAsync("/api/v1/me"))["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_admins_require_two_factor_staff_without_it_get_no_tokens_and_customers_are_unaffected()
    {
        var (desk, email) = await NewAgentAsync();
        var agent = await desk.SignInAsync(email, Desk.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync("/api/v1/settings/sign-in", new { requireTwoFactorForStaff = true })).StatusCode);
        Assert.False((await agent.GetJsonAsync("/api/v1/settings/sign-in"))["requireTwoFactorForStaff"]!.GetValue<bool>());

        try
        {
            Assert.True((await desk.Admin.ChangeAsync("/api/v1/settings/sign-in", new { requireTwoFactorForStaff = true }))["requireTwoFactorForStaff"]!.GetValue<bool>());
            var anonymous = factory.CreateClient();
            Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email = desk.AnaEmail, password = Desk.Password })).StatusCode);

            // The token from before still works to set two-factor up; after that, tokens come again (with a code).
            var key = (await (await agent.PostAsync("/api/v1/me/two-factor/setup", null)).JsonAsync())["sharedKey"]!.GetValue<string>().Replace(" ", "", StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/v1/me/two-factor/enable", new { code = Totp(key) })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password, code = Totp(key) })).StatusCode);
        }
        finally
        {
            // The class shares one database: leave the desk as the other tests expect it.
            await desk.Admin.ChangeAsync("/api/v1/settings/sign-in", new { requireTwoFactorForStaff = false });
        }
    }

    private async Task<(Desk Desk, string Email)> NewAgentAsync()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"settings.{Guid.NewGuid():N}@desk.example";
        await desk.Admin.CreateAsync("/api/v1/agents", new { email, name = "Settings Person", password = Desk.Password });
        return (desk, email);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string email, string password, string returnUrl)
    {
        var page = await browser.GetStringAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await browser.PostAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>RFC 6238 with the defaults authenticator apps use (SHA-1, 30 s, 6 digits), as a phone would compute it.</summary>
    private static string Totp(string base32Key, long? step = null)
    {
        var counter = step ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A code from an hour ago: well-formed, but not valid now.</summary>
    private static string WrongCode(string key) => Totp(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 - 120);

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
