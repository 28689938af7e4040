using System.Net;
using System.Net.Http.Json;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Surveys;
using Atende.Web.Api;
using Atende.Web.Components.Portal.Surveys;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Surveys;

/// <summary>
/// The <c>&lt;SatisfactionSurvey Number=…/&gt;</c> panel a signed-in customer's request page shows: the form for the
/// requester of a resolved request, their answer once given, and nothing for anyone else or before resolution.
/// </summary>
public sealed class SurveyPanelTests(AtendeFactory factory) : BunitContext, IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task The_requester_gets_the_form_then_their_answer_and_a_colleague_or_an_open_request_gets_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana, "Monitor flickers");
        using var scope = factory.Services.CreateScope();
        var ana = await CallerAsync(scope, desk.AnaEmail);
        var bruno = await CallerAsync(scope, $"bruno.{desk.Suffix}@acme.example");
        Services.AddLocalization();
        // Each resolution gets its own DI scope (own DbContext), as in the app: a panel still loading must never
        // share a DbContext with the next one rendered (PostgreSQL answers truly asynchronously).
        var scopes = new List<IServiceScope>();
        T FromFreshScope<T>() where T : notnull
        {
            var fresh = factory.Services.CreateScope();
            scopes.Add(fresh);
            return fresh.ServiceProvider.GetRequiredService<T>();
        }
        Services.AddTransient(_ => FromFreshScope<GetSatisfactionSurvey>());
        Services.AddTransient(_ => FromFreshScope<RateTicket>());
        var current = new CurrentCaller();
        Services.AddSingleton(current);

        current.Set(ana);
        Assert.Empty(Render<SatisfactionSurvey>(p => p.Add(s => s.Number, number)).Markup.Trim());

        await SatisfactionApiTests.ResolveAsync(desk, number);
        var open = Render<SatisfactionSurvey>(p => p.Add(s => s.Number, number));
        // The panel loads asynchronously (truly so on PostgreSQL): wait for it rather than read the first render.
        Assert.Equal("open", open.WaitForElement("[data-testid=survey]").GetAttribute("data-state"));
        Assert.Equal(5, open.FindAll("input[type=radio]").Count);
        Assert.NotNull(open.Find("label[for=survey-comment]"));

        Assert.Equal(HttpStatusCode.OK, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score = 2, comment = "Took two days" })).StatusCode);
        var answered = Render<SatisfactionSurvey>(p => p.Add(s => s.Number, number));
        Assert.Equal("answered", answered.WaitForElement("[data-testid=survey]").GetAttribute("data-state"));
        Assert.Contains("Took two days", answered.Find("[data-testid=survey-thanks]").TextContent, StringComparison.Ordinal);
        // The change form comes prefilled with the answer.
        Assert.NotNull(answered.Find("input[type=radio][value='2'][checked]"));

        current.Set(bruno);
        Assert.Empty(Render<SatisfactionSurvey>(p => p.Add(s => s.Number, number)).Markup.Trim());
        // The scopes are not disposed here: that last panel may still be loading (its empty first render proves
        // nothing about its query), and disposing its DbContext mid-query breaks the PostgreSQL connection.
        // They hold no open connection once their queries end.
    }

    private static async Task<Caller> CallerAsync(IServiceScope scope, string email)
    {
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Email == email);
        var shares = customer.OrganizationId is { } org && await db.Organizations.AnyAsync(o => o.Id == org && o.SharesTickets);
        return new Caller(customer.AccountId, null, customer.Id, null, [], customer.OrganizationId, shares, customer.Name);
    }
}
