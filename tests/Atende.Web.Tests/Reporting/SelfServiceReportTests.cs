using System.Net;
using System.Net.Http.Json;
using Atende.Accounts;
using Atende.KnowledgeBase;
using Atende.Web.Tests.KnowledgeBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>self-service</c> on a hand-built help center: article views and votes counted per hour (so a view at 23:20 in
/// São Paulo counts on that day), deflections, portal requests (tickets opened by agents are not), the rate, per
/// article; and article figures refused (null) under a ticket filter rather than passed off as filtered.
/// </summary>
public sealed class SelfServiceReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Counts_views_votes_deflections_and_portal_requests_per_viewers_day_and_article()
    {
        var desk = await Desk.BuildAsync(_factory);
        var category = await KnowledgeBaseApiTests.CategoryAsync(desk, $"VPN {desk.Suffix}");
        var x = await KnowledgeBaseApiTests.ArticleAsync(desk.AgentInSupport, category, $"Reset the VPN {desk.Suffix}", "Open the client and press reset.", status: "published");
        var y = await KnowledgeBaseApiTests.ArticleAsync(desk.AgentInSupport, category, $"Printer jams {desk.Suffix}", "Open tray 2.", status: "published");
        var (xId, yId) = (x["id"]!.GetValue<int>(), y["id"]!.GetValue<int>());
        async Task View(string url)
        {
            var page = await desk.Anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        async Task Vote(int id, bool helpful) =>
            Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.PostAsJsonAsync($"/api/v1/kb/articles/{id}/feedback", new { helpful })).StatusCode);
        async Task Deflect(HttpClient client, int id) =>
            Assert.True((await client.PostAsJsonAsync("/api/v1/kb/deflections", new { articleId = id, subject = "VPN" })).IsSuccessStatusCode);
        var xPage = x["url"]!.GetValue<string>();
        var yPage = y["url"]!.GetValue<string>();

        _factory.MoveTo(At(3, 10, 15));
        await View(xPage);
        await View(xPage);
        await Vote(xId, helpful: true);
        _factory.MoveTo(At(3, 10, 50));
        await View(yPage);
        await Vote(yId, helpful: false);
        _factory.MoveTo(At(4, 2, 20)); // Tuesday 23:20 in São Paulo
        await View(xPage);
        _factory.MoveTo(At(4, 12));
        await Deflect(desk.Ana, xId);
        await Deflect(desk.Anonymous, yId);
        _factory.MoveTo(At(4, 13));
        await Desk.OpenOwnAsync(desk.Ana, "Portal request");
        await Desk.OpenOwnAsync(desk.Carla, "Beta's portal request");
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Opened by an agent");
        _factory.MoveTo(At(5, 10)); // Thursday: after the period
        await View(yPage);
        await Deflect(desk.Ana, yId);

        var query = $"from=2026-11-03&to=2026-11-04&timeZone={ReportCalls.SaoPaulo}";
        var report = await desk.Admin.ReportAsync("self-service", query);
        var totals = report["totals"]!.AsObject();
        Assert.Equal((4, 1, 1, 2, 2, 50), (totals.Metric("views"), totals.Metric("helpful"), totals.Metric("notHelpful"),
            totals.Metric("deflected"), totals.Metric("portalRequests"), totals.Metric("deflectionRatePercent")));

        var days = (await desk.Admin.ReportAsync("self-service", query + "&groupBy=day")).RowsByKey();
        Assert.Equal([4, 0], days.Values.Select(r => r.Metric("views")));
        Assert.Equal([0, 2], days.Values.Select(r => r.Metric("deflected")));
        Assert.Equal([0, 2], days.Values.Select(r => r.Metric("portalRequests")));
        Assert.Equal([null, 50], days.Values.Select(r => r.Metric("deflectionRatePercent")));
        var utc = (await desk.Admin.ReportAsync("self-service", "from=2026-11-03&to=2026-11-04&timeZone=UTC&groupBy=day")).RowsByKey();
        Assert.Equal([3, 1], utc.Values.Select(r => r.Metric("views")));

        var articles = await desk.Admin.ReportAsync("self-service", query + "&groupBy=article");
        Assert.Equal([xId.ToString(), yId.ToString()], articles["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()));
        var byArticle = articles.RowsByKey();
        Assert.Equal($"Reset the VPN {desk.Suffix}", byArticle[xId.ToString()]["label"]!.GetValue<string>());
        Assert.Equal((3, 1, 0, 1, null, null), (byArticle[xId.ToString()].Metric("views"), byArticle[xId.ToString()].Metric("helpful"),
            byArticle[xId.ToString()].Metric("notHelpful"), byArticle[xId.ToString()].Metric("deflected"),
            byArticle[xId.ToString()].Metric("portalRequests"), byArticle[xId.ToString()].Metric("deflectionRatePercent")));
        Assert.Equal((1, 0, 1, 1), (byArticle[yId.ToString()].Metric("views"), byArticle[yId.ToString()].Metric("helpful"),
            byArticle[yId.ToString()].Metric("notHelpful"), byArticle[yId.ToString()].Metric("deflected")));
        Assert.Equal(2, articles["totals"]!.AsObject().Metric("portalRequests"));

        // Articles have no organization: under the filter their figures are unknown, the portal requests are Acme's.
        var acme = (await desk.Admin.ReportAsync("self-service", query + $"&organization={desk.AcmeId}"))["totals"]!.AsObject();
        Assert.Null(acme.Metric("views"));
        Assert.Null(acme.Metric("deflected"));
        Assert.Null(acme.Metric("deflectionRatePercent"));
        Assert.Equal(1, acme.Metric("portalRequests"));

        var csv = await desk.Admin.CsvAsync("self-service", query + "&groupBy=day");
        Assert.Equal(
            "key,label,views,helpful,notHelpful,deflected,portalRequests,deflectionRatePercent\r\n" +
            "2026-11-03,3 Nov,4,1,1,0,0,\r\n2026-11-04,4 Nov,0,0,0,2,2,50\r\ntotal,Total,4,1,1,2,2,50\r\n",
            csv);
    }

    [Fact]
    public async Task Concurrent_votes_are_all_counted_in_the_hour_and_in_the_article()
    {
        var desk = await Desk.BuildAsync(_factory);
        var category = await KnowledgeBaseApiTests.CategoryAsync(desk, $"Busy {desk.Suffix}");
        var id = (await KnowledgeBaseApiTests.ArticleAsync(desk.AgentInSupport, category, $"Popular {desk.Suffix}", "Everyone reads this.", status: "published"))["id"]!.GetValue<int>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var scope = _factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<GiveArticleFeedback>().HandleAsync(id, new ArticleFeedbackRequest(i % 4 != 0), Caller.System, default);
        }));

        var db = _factory.CreateDb();
        var hour = await db.KnowledgeArticleHours.AsNoTracking().SingleAsync(h => h.ArticleId == id);
        Assert.Equal(KnowledgeArticleHour.HourOf(_factory.Clock.GetUtcNow().UtcDateTime), hour.HourStart);
        Assert.Equal((15, 5, 0), (hour.Helpful, hour.NotHelpful, hour.Views));
        var article = await db.KnowledgeArticles.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal((15, 5), (article.HelpfulCount, article.NotHelpfulCount));
    }
}
