using System.Net;
using System.Net.Http.Json;

namespace Atende.Web.Tests.Portal;

/// <summary>A small limit, so the test reaches it: the portal's anonymous forms and their API twins.</summary>
public sealed class RateLimitedFactory : AtendeFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Atende:RateLimits:PortalFormsPerMinute"] = "3" };
}

public sealed class PortalRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Too_many_posts_from_one_address_get_429_while_pages_still_open()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/portal/password-reset", new { email = $"someone{i}@nowhere.example" });
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new { email = "late@nowhere.example", name = "Late", password = "a long enough password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/portal/forgot-password", new FormUrlEncodedContent([]))).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/forgot-password")).StatusCode);
        }
    }
}
