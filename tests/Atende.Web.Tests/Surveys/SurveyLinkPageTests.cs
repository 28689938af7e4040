using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Atende.Surveys;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Surveys;

/// <summary>The emailed survey link: a page that works without signing in, and only for the one ticket it was made for.</summary>
public sealed partial class SurveyLinkPageTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task The_link_opens_the_survey_without_signing_in_and_the_answer_is_saved_then_changed()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Carla, "Projector in room 2 flickers");
        var token = await ResolveAndTakeLinkAsync(desk, number);

        var browser = factory.CreateClient();
        var page = await browser.GetAsync($"/portal/survey/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Projector in room 2 flickers", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"open\"", html, StringComparison.Ordinal);

        var answered = await PostAsync(browser, token, html, 5, "Fixed in ten minutes");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var thanks = await answered.Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"answered\"", thanks, StringComparison.Ordinal);
        Assert.Contains("Thank you!", thanks, StringComparison.Ordinal);
        var rating = await RatingAsync(number);
        Assert.Equal((5, "Fixed in ten minutes"), (rating.Score, rating.Comment));

        factory.Clock.Advance(TimeSpan.FromDays(3));
        var again = await browser.GetAsync($"/portal/survey/{token}");
        var changed = await PostAsync(browser, token, await again.Content.ReadAsStringAsync(), 3, null);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        rating = await RatingAsync(number);
        Assert.Equal((3, (string?)null), (rating.Score, rating.Comment));
        Assert.Equal(3, (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}"))["satisfaction"]!["score"]!.GetValue<int>());

        // After the change window the page thanks and says the answer is final; a post changes nothing.
        factory.Clock.Advance(TimeSpan.FromDays(5));
        var final = await browser.GetAsync($"/portal/survey/{token}");
        var finalHtml = await final.Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"final\"", finalHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("survey-form", finalHtml, StringComparison.Ordinal);
        await PostAsync(browser, token, html, 1, "late");
        Assert.Equal(3, (await RatingAsync(number)).Score);
    }

    [Fact]
    public async Task The_page_speaks_the_readers_language()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana, "Impressora travada");
        var token = await ResolveAndTakeLinkAsync(desk, number);
        var browser = factory.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pt-BR");
        var html = await (await browser.GetAsync($"/portal/survey/{token}")).Content.ReadAsStringAsync();
        Assert.Contains("Como foi o atendimento?", html, StringComparison.Ordinal);
        Assert.Contains("Muito satisfeito", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_or_made_up_link_is_refused_with_a_page_that_shows_no_ticket()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Carla, "Secret subject of Carla");
        var token = await ResolveAndTakeLinkAsync(desk, number);
        var browser = factory.CreateClient();

        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        foreach (var bad in new[] { tampered, token[..^4], "not-a-token", new string('x', 2000), Guid.NewGuid().ToString("N") })
        {
            var page = await browser.GetAsync($"/portal/survey/{bad}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains("data-testid=\"survey-invalid\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret subject of Carla", html, StringComparison.Ordinal);
        }
        Assert.Null((await RatingAsync(number)).Score);
    }

    [Fact]
    public async Task A_link_for_a_ticket_that_changed_hands_or_an_expired_link_shows_no_ticket()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Carla, "Expiring subject");
        var token = await ResolveAndTakeLinkAsync(desk, number);
        var browser = factory.CreateClient();

        // A genuine link naming another requester for this ticket is refused: the link binds ticket and person.
        using (var scope = factory.Services.CreateScope())
        {
            var protection = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
            var forged = SurveyLink.For(number, 999_999, factory.Clock.GetUtcNow().UtcDateTime).Protect(protection);
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/portal/survey/{forged}")).StatusCode);
        }

        factory.Clock.Advance(SurveyLink.Lifetime + TimeSpan.FromMinutes(1));
        var page = await browser.GetAsync($"/portal/survey/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("data-state=\"expired\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Expiring subject", html, StringComparison.Ordinal);
        Assert.DoesNotContain("survey-form", html, StringComparison.Ordinal);
        // The requester can still rate when signed in.
        Assert.Equal(HttpStatusCode.OK, (await desk.Carla.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 4 })).StatusCode);
    }

    private async Task<string> ResolveAndTakeLinkAsync(Desk desk, int number)
    {
        await SatisfactionApiTests.ResolveAsync(desk, number);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            var email = await factory.CreateDb().OutboundEmails.FirstOrDefaultAsync(e => e.TicketId == number && e.Kind == OfferSatisfactionSurvey.EmailKind);
            if (email is not null)
            {
                return LinkPattern().Match(email.TextBody).Groups[1].Value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No survey email for #{number}.");
    }

    private async Task<SatisfactionRating> RatingAsync(int number) =>
        await factory.CreateDb().SatisfactionRatings.AsNoTracking().SingleAsync(r => r.TicketId == number);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string token, string html, int score, string? comment)
    {
        var antiforgery = AntiforgeryPattern().Match(html);
        Assert.True(antiforgery.Success, html);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "satisfaction-survey",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
            ["Input.Score"] = score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Comment"] = comment ?? "",
        };
        return await browser.PostAsync($"/portal/survey/{token}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"/portal/survey/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
