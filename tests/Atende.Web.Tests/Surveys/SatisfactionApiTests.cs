using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Surveys;

/// <summary>The satisfaction survey through the API: who may answer, when, and how often.</summary>
public sealed class SatisfactionApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task The_requester_rates_a_resolved_ticket_and_everyone_who_sees_the_ticket_sees_the_rating()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);
        await ResolveAsync(desk, number);

        var response = await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 4, comment = "Quick and kind.\nThanks!" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(4, answer["score"]!.GetValue<int>());
        Assert.Equal("Quick and kind.\nThanks!", answer["comment"]!.GetValue<string>());

        foreach (var reader in new[] { desk.Ana, desk.Bruno, desk.AgentInSupport, desk.Admin })
        {
            var satisfaction = (await reader.GetJsonAsync($"/api/v1/tickets/{number}"))["satisfaction"]!;
            Assert.Equal(4, satisfaction["score"]!.GetValue<int>());
            Assert.Equal("Quick and kind.\nThanks!", satisfaction["comment"]!.GetValue<string>());
            Assert.NotNull(satisfaction["ratedAt"]);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Carla.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_requester_may_answer_and_a_ticket_outside_ones_sight_does_not_exist()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);
        await ResolveAsync(desk, number);
        var body = new { score = 1, comment = "Not me" };

        // Carla is in another organization: the ticket does not exist for her.
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Carla.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", body)).StatusCode);
        // Bruno sees Ana's ticket through organization sharing, but the survey is Ana's.
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Bruno.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Ana.PostAsJsonAsync("/api/v1/tickets/999999/satisfaction", body)).StatusCode);

        var ticket = await desk.Ana.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Null(ticket["satisfaction"]);
    }

    [Fact]
    public async Task The_portal_panel_offers_the_survey_to_the_requester_and_to_nobody_else()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);
        using var scope = factory.Services.CreateScope();
        var survey = scope.ServiceProvider.GetRequiredService<GetSatisfactionSurvey>();
        var ana = await CallerAsync(scope, $"ana.{desk.Suffix}@acme.example");
        var bruno = await CallerAsync(scope, $"bruno.{desk.Suffix}@acme.example");
        var carla = await CallerAsync(scope, desk.CarlaEmail);

        Assert.Equal(SurveyState.NotResolved, (await survey.HandleAsync(number, ana, default))!.State);
        await ResolveAsync(desk, number);
        Assert.Equal(SurveyState.Open, (await survey.HandleAsync(number, ana, default))!.State);
        // Bruno sees the request through organization sharing, but the survey is not his to answer.
        Assert.Null(await survey.HandleAsync(number, bruno, default));
        await Assert.ThrowsAsync<NotFoundException>(() => survey.HandleAsync(number, carla, default));

        Assert.Equal(HttpStatusCode.OK, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 3 })).StatusCode);
        var answered = (await survey.HandleAsync(number, ana, default))!;
        Assert.Equal((SurveyState.Answered, 3), (answered.State, answered.Score));
        Assert.Equal(answered.RatedAt + SatisfactionRating.ChangeWindow, answered.ChangeableUntil);
    }

    private static async Task<Caller> CallerAsync(IServiceScope scope, string email)
    {
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Email == email);
        var shares = customer.OrganizationId is { } org && await db.Organizations.AnyAsync(o => o.Id == org && o.SharesTickets);
        return new Caller(customer.AccountId, null, customer.Id, null, [], customer.OrganizationId, shares, customer.Name);
    }

    [Fact]
    public async Task A_ticket_that_is_not_resolved_cannot_be_rated_and_a_reopened_one_no_longer_can()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 5 })).StatusCode);

        await ResolveAsync(desk, number);
        Assert.Equal(HttpStatusCode.OK, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "in_progress" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 2 })).StatusCode);
    }

    [Fact]
    public async Task Bad_answers_name_their_fields()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);
        await ResolveAsync(desk, number);

        Assert.Equal(["score"], await (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { comment = "no score" })).ErrorFieldsAsync());
        Assert.Equal(["score"], await (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 6 })).ErrorFieldsAsync());
        Assert.Equal(["score"], await (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 0 })).ErrorFieldsAsync());
        Assert.Equal(["comment"], await (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 3, comment = new string('x', 2001) })).ErrorFieldsAsync());
        Assert.Equal(["score"], await (await desk.Ana.PostRawAsync($"/api/v1/tickets/{number}/satisfaction", """{"score":"5"}""")).ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_second_answer_within_seven_days_replaces_the_first_and_after_that_the_answer_is_final()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);
        await ResolveAsync(desk, number);

        Assert.Equal(HttpStatusCode.OK, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 2, comment = "Slow" })).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(6));
        var changed = await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 4, comment = "Better after all" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(4, (await desk.Ana.GetJsonAsync($"/api/v1/tickets/{number}"))["satisfaction"]!["score"]!.GetValue<int>());

        // The window starts at the first answer, not the last: changing it does not extend it.
        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 5 })).StatusCode);
        var satisfaction = (await desk.Ana.GetJsonAsync($"/api/v1/tickets/{number}"))["satisfaction"]!;
        Assert.Equal(4, satisfaction["score"]!.GetValue<int>());
        Assert.Equal("Better after all", satisfaction["comment"]!.GetValue<string>());
        Assert.Equal(1, await factory.CreateDb().SatisfactionRatings.CountAsync(r => r.TicketId == number));
    }

    [Fact]
    public async Task Resolving_a_ticket_offers_the_survey_once_in_the_resolution_email_in_the_requesters_language()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana, "Impressora travada");
        await ResolveAsync(desk, number);
        await WaitForOutboxAsync();

        // Reopened and resolved again: still one offer; the second resolution mail has no survey link.
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "in_progress" })).StatusCode);
        await ResolveAsync(desk, number);
        await WaitForOutboxAsync();

        await using var db = factory.CreateDb();
        var resolutions = await db.OutboundEmails.Where(e => e.TicketId == number && e.Kind == OfferSatisfactionSurvey.EmailKind).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, resolutions.Count);
        Assert.DoesNotContain("/portal/survey/", resolutions[1].TextBody, StringComparison.Ordinal);
        var email = resolutions[0];
        Assert.Equal(desk.AnaEmail, email.To);
        Assert.Equal("pt-BR", email.Language);
        Assert.Contains($"#{number}", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Impressora travada", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("/portal/survey/", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("foi resolvida", email.TextBody, StringComparison.Ordinal);
        var offer = Assert.Single(await db.SatisfactionRatings.Where(r => r.TicketId == number).ToListAsync());
        Assert.Null(offer.Score);
        // An offer that is not answered is not a rating.
        Assert.Null((await desk.Ana.GetJsonAsync($"/api/v1/tickets/{number}"))["satisfaction"]);
    }

    [Fact]
    public async Task A_merged_duplicate_is_not_offered_a_survey()
    {
        var desk = await Desk.BuildAsync(factory);
        var duplicate = await Desk.OpenOwnAsync(desk.Carla);
        var target = await Desk.OpenOwnAsync(desk.Carla, "The real one");
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = target })).StatusCode);
        await WaitForOutboxAsync();
        await using var db = factory.CreateDb();
        Assert.False(await db.OutboundEmails.AnyAsync(e => e.TicketId == duplicate && e.Kind == OfferSatisfactionSurvey.EmailKind));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Carla.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/satisfaction", new { score = 3 })).StatusCode);
    }

    internal static async Task ResolveAsync(Desk desk, int number) =>
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "resolved" })).StatusCode);

    private async Task WaitForOutboxAsync()
    {
        var clock = Stopwatch.StartNew();
        while (await factory.CreateDb().Outbox.AnyAsync(m => m.ProcessedAt == null) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }
    }
}
