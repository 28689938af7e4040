using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Atende.Accounts;
using Atende.Web.Tests.People;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.Portal;

/// <summary>Customer accounts through the API: open sign-up and its confirmation, invitation, password reset.</summary>
public sealed partial class PortalAccountsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private const string NewPassword = "a brand new password";

    [Fact]
    public async Task Open_sign_up_mails_a_link_in_the_chosen_language_and_the_link_creates_the_account_once()
    {
        var desk = await Desk.BuildAsync(factory);
        await SetSignUpModeAsync(desk, "open");
        var email = $"zoe.{desk.Suffix}@nowhere.example";

        var response = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/sign-up", new { email, name = "Zoé Prado", password = NewPassword, language = "pt-BR" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(desk, email, NewPassword));
        var mail = await LastMailAsync(email);
        Assert.Equal("account.confirm-email", mail.Kind);
        Assert.Equal("pt-BR", mail.Language);
        Assert.StartsWith("Confirme seu endereço de e-mail", mail.Subject);
        Assert.Contains("Zoé Prado", mail.TextBody);
        var token = TokenIn(mail.TextBody, "/portal/confirm?token=");

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/confirm-email", new { token })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(desk, email, NewPassword));
        await using var db = factory.CreateDb();
        var customer = await db.Customers.SingleAsync(c => c.Email == email);
        Assert.Equal("Zoé Prado", customer.Name);
        Assert.Equal("pt-BR", customer.Language);
        Assert.NotNull(customer.AccountId);
        var again = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/confirm-email", new { token });
        Assert.Equal(["token"], await again.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Sign_up_is_refused_when_the_portal_is_by_invitation_only()
    {
        var desk = await Desk.BuildAsync(factory);
        await SetSignUpModeAsync(desk, "invitationOnly");
        var email = $"closed.{desk.Suffix}@nowhere.example";

        var response = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/sign-up", new { email, name = "Closed Door", password = NewPassword });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var db = factory.CreateDb();
        Assert.False(await db.OutboundEmails.AnyAsync(m => m.To == email));
        Assert.False(await db.AccountTokens.AnyAsync(t => t.Email == email));
    }

    [Fact]
    public async Task A_confirmation_link_expires_after_a_day()
    {
        var desk = await Desk.BuildAsync(factory);
        await SetSignUpModeAsync(desk, "open");
        var email = $"late.{desk.Suffix}@nowhere.example";
        await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/sign-up", new { email, name = "Late Reader", password = NewPassword });
        var token = TokenIn((await LastMailAsync(email)).TextBody, "/portal/confirm?token=");

        factory.Clock.Advance(AccountToken.ConfirmLifetime + TimeSpan.FromMinutes(1));

        var response = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/confirm-email", new { token });
        Assert.Equal(["token"], await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(desk, email, NewPassword));
    }

    [Fact]
    public async Task Sign_up_with_a_known_email_answers_the_same_and_mails_the_owner_instead()
    {
        var desk = await Desk.BuildAsync(factory);
        await SetSignUpModeAsync(desk, "open");
        var unknown = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/sign-up",
            new { email = $"fresh.{desk.Suffix}@nowhere.example", name = "Fresh", password = NewPassword });

        var known = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/sign-up", new { email = desk.CarlaEmail, name = "Intruder", password = NewPassword });

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal("account.already-registered", (await LastMailAsync(desk.CarlaEmail)).Kind);
        await using var db = factory.CreateDb();
        Assert.False(await db.AccountTokens.AnyAsync(t => t.Email == desk.CarlaEmail));
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(desk, desk.CarlaEmail, Desk.Password));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_unknown_emails_get_the_same_answer()
    {
        var desk = await Desk.BuildAsync(factory);
        var unknownEmail = $"nobody.{desk.Suffix}@nowhere.example";

        var forUnknown = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/password-reset", new { email = unknownEmail });
        var forCarla = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/password-reset", new { email = desk.CarlaEmail });

        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(forUnknown.StatusCode, forCarla.StatusCode);
        Assert.Equal(await forUnknown.Content.ReadAsStringAsync(), await forCarla.Content.ReadAsStringAsync());
        await using (var db = factory.CreateDb())
        {
            Assert.False(await db.OutboundEmails.AnyAsync(m => m.To == unknownEmail));
        }
        var mail = await LastMailAsync(desk.CarlaEmail);
        Assert.Equal("account.reset-password", mail.Kind);
        Assert.Equal("en", mail.Language);
        var token = TokenIn(mail.TextBody, "/portal/reset-password?token=");

        var tooShort = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/password", new { token, password = "short" });
        Assert.Equal(["password"], await tooShort.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/password", new { token, password = NewPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(desk, desk.CarlaEmail, NewPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(desk, desk.CarlaEmail, Desk.Password));
        var again = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/password", new { token, password = "yet another password" });
        Assert.Equal(["token"], await again.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour()
    {
        var desk = await Desk.BuildAsync(factory);
        await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/password-reset", new { email = desk.CarlaEmail });
        var token = TokenIn((await LastMailAsync(desk.CarlaEmail)).TextBody, "/portal/reset-password?token=");

        factory.Clock.Advance(AccountToken.ResetLifetime + TimeSpan.FromMinutes(1));

        var response = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/password", new { token, password = NewPassword });
        Assert.Equal(["token"], await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(desk, desk.CarlaEmail, Desk.Password));
    }

    [Fact]
    public async Task An_agent_invites_a_customer_who_then_chooses_a_password()
    {
        var desk = await Desk.BuildAsync(factory);
        await SetSignUpModeAsync(desk, "invitationOnly");
        var email = $"guest.{desk.Suffix}@beta.example";
        var customerId = (await desk.AgentInSupport.CreateAsync("/api/v1/customers", new { email, name = "Gil Guest", language = "pt-BR" })).Id();

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Carla.PostAsync($"/api/v1/customers/{customerId}/invitation", null)).StatusCode);
        var invited = await desk.AgentInSupport.PostAsync($"/api/v1/customers/{customerId}/invitation", null);

        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        var mail = await LastMailAsync(email);
        Assert.Equal("account.invitation", mail.Kind);
        Assert.StartsWith("Você foi convidado", mail.Subject);
        var token = TokenIn(mail.TextBody, "/portal/invitation?token=");
        Assert.Equal(HttpStatusCode.NoContent,
            (await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/invitation/accept", new { token, password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(desk, email, NewPassword));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.AgentInSupport.PostAsync($"/api/v1/customers/{customerId}/invitation", null)).StatusCode);
        var again = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/invitation/accept", new { token, password = "another password 123" });
        Assert.Equal(["token"], await again.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.PostAsync("/api/v1/customers/999999/invitation", null)).StatusCode);
    }

    [Fact]
    public async Task A_customer_who_signs_up_with_an_organizations_domain_joins_that_organization()
    {
        var desk = await Desk.BuildAsync(factory);
        await SetSignUpModeAsync(desk, "open");
        var domain = $"sunrise-{desk.Suffix}.example";
        var organizationId = (await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"Sunrise {desk.Suffix}", domains = new[] { domain } })).Id();
        var email = $"rita@{domain}";

        await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/sign-up", new { email, name = "Rita Sol", password = NewPassword });
        var token = TokenIn((await LastMailAsync(email)).TextBody, "/portal/confirm?token=");
        await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/confirm-email", new { token });

        await using var db = factory.CreateDb();
        Assert.Equal(organizationId, (await db.Customers.SingleAsync(c => c.Email == email)).OrganizationId);
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(desk, email, NewPassword));
    }

    [Fact]
    public async Task Sign_up_names_every_wrong_field()
    {
        var desk = await Desk.BuildAsync(factory);
        await SetSignUpModeAsync(desk, "open");

        var response = await desk.Anonymous.PostAsJsonAsync("/api/v1/portal/sign-up", new { email = "not-an-email", name = "", password = "short", language = "fr" });

        Assert.Equal(["email", "language", "name", "password"], (await response.ErrorFieldsAsync()).Order(StringComparer.Ordinal).ToList());
    }

    private async Task SetSignUpModeAsync(Desk desk, string mode)
    {
        var response = await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { signUpMode = mode });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(Desk desk, string email, string password) =>
        (await desk.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "check" })).StatusCode;

    private async Task<Atende.Email.OutboundEmail> LastMailAsync(string to)
    {
        await using var db = factory.CreateDb();
        return await db.OutboundEmails.Where(m => m.To == to).OrderByDescending(m => m.Id).FirstAsync();
    }

    internal static string TokenIn(string body, string path)
    {
        var match = LinkPattern().Match(body);
        Assert.True(match.Success, body);
        Assert.Contains(path, match.Value, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://\S+?\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
