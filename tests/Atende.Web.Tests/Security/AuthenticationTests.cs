using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Atende.Web.Tests.Security;

public sealed class AuthenticationTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task A_token_is_issued_once_stored_hashed_and_works_until_revoked()
    {
        var desk = await Desk.BuildAsync(factory);
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = desk.AnaEmail, password = Desk.Password, name = "laptop" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.JsonAsync();
        var token = issued["token"]!.GetValue<string>();
        Assert.StartsWith("atd_", token);
        Assert.Equal("laptop", issued["name"]!.GetValue<string>());
        Assert.DoesNotContain(factory.CreateDb().ApiTokens, t => t.Hash == token);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal("customer", me["kind"]!.GetValue<string>());
        var tokens = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/v1/me/tokens");
        Assert.Contains(tokens!, t => t!["name"]!.GetValue<string>() == "laptop" && t["token"] is null);

        var id = issued["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_get_the_same_401_whether_or_not_the_email_exists()
    {
        var desk = await Desk.BuildAsync(factory);
        var client = factory.CreateClient();
        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = desk.CarlaEmail, password = "not-her-password" });
        var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = $"ghost.{desk.Suffix}@nowhere.example", password = "whatever-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal((await wrongPassword.JsonAsync())["detail"]!.ToString(), (await unknownEmail.JsonAsync())["detail"]!.ToString());
    }

    [Fact]
    public async Task Repeated_failures_are_rate_limited_with_429_for_existing_and_unknown_emails_alike()
    {
        var desk = await Desk.BuildAsync(factory);
        var client = factory.CreateClient();
        foreach (var email in new[] { $"davi.{desk.Suffix}@beta.example", $"ghost.{desk.Suffix}@nowhere.example" })
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = "guess-" + i })).StatusCode);
            }
            var blocked = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = "guess-again" });
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
            Assert.True(blocked.Headers.RetryAfter is not null);
        }
        // Even the right password waits until the window passes.
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = $"davi.{desk.Suffix}@beta.example", password = Desk.Password })).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Created,
            (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = $"davi.{desk.Suffix}@beta.example", password = Desk.Password })).StatusCode);
    }

    [Fact]
    public async Task Garbage_and_expired_tokens_are_401()
    {
        var desk = await Desk.BuildAsync(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "atd_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/tickets")).StatusCode);

        var fresh = await desk.SignInAsync(desk.CarlaEmail, Desk.Password);
        factory.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/v1/tickets")).StatusCode);
    }
}
