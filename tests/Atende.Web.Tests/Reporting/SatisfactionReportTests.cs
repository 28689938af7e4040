namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>satisfaction</c> on a hand-built desk: a rating changed within its 7 days counts once with its current score,
/// on the viewer's day of the change (23:30 in São Paulo is the UTC day after), offers answered and not, per agent,
/// and the comments list as JSON and CSV.
/// </summary>
public sealed class SatisfactionReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Counts_current_answers_once_per_ticket_on_the_viewers_day_with_offers_and_comments()
    {
        var desk = await Desk.BuildAsync(_factory);
        async Task<int> Open(string subject, bool support) => await desk.OpenAsync(desk.Admin, desk.AnaEmail, subject,
            teamId: support ? desk.SupportTeamId : desk.InfraTeamId, extra: new { assigneeId = support ? desk.SupportAgentId : desk.InfraAgentId });
        async Task Resolve(DateTime at, int number)
        {
            _factory.MoveTo(at);
            await desk.Admin.ChangeAsync(number, new { status = "resolved" });
            await _factory.DrainAsync();
        }
        async Task Rate(DateTime at, int number, int score, string? comment = null)
        {
            _factory.MoveTo(at);
            await desk.Ana.RateAsync(number, score, comment);
        }

        _factory.MoveTo(At(3, 12));
        var t1 = await Open("T1", support: true);
        var t2 = await Open("T2", support: true);
        var t3 = await Open("T3", support: false);
        var t4 = await Open("T4", support: false);
        var beta = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Beta's");
        await Resolve(At(3, 13), t1);
        await Resolve(At(3, 13, 10), t2);
        await Resolve(At(3, 13, 20), beta);
        await Rate(At(3, 14), t1, 5, "Great");
        await Rate(At(3, 15), t2, 2, "Slow");
        _factory.MoveTo(At(3, 15, 30));
        await desk.Carla.RateAsync(beta, 1, "Beta is out of the filter");
        await Resolve(At(4, 12), t3);
        await Resolve(At(4, 12, 10), t4);
        await Rate(At(4, 13), t3, 3);
        // Changed on Wednesday 23:30 in São Paulo (Thursday 02:30 UTC), within the 7 days: counts once, as a 4, then.
        await Rate(At(5, 2, 30), t2, 4, "Better now");

        var query = $"from=2026-11-03&to=2026-11-05&timeZone={ReportCalls.SaoPaulo}&organization={desk.AcmeId}";
        var totals = (await desk.Admin.ReportAsync("satisfaction", query))["totals"]!.AsObject();
        Assert.Equal(3, totals.Metric("responses"));
        Assert.Equal(66.7, totals.Metric("csatPercent"));
        Assert.Equal(4, totals.Metric("averageScore"));
        Assert.Equal(4, totals.Metric("offered"));
        Assert.Equal(75, totals.Metric("responseRatePercent"));

        var days = (await desk.Admin.ReportAsync("satisfaction", query + "&groupBy=day")).RowsByKey();
        Assert.Equal([1, 2, 0], days.Values.Select(r => r.Metric("responses")));
        Assert.Equal([5, 3.5, null], days.Values.Select(r => r.Metric("averageScore")));
        Assert.Equal([100, 50, null], days.Values.Select(r => r.Metric("csatPercent")));
        Assert.Equal([2, 2, 0], days.Values.Select(r => r.Metric("offered")));
        Assert.Equal([100, 50, null], days.Values.Select(r => r.Metric("responseRatePercent")));
        // In UTC the changed answer falls on Thursday.
        var utc = (await desk.Admin.ReportAsync("satisfaction", $"from=2026-11-03&to=2026-11-05&timeZone=UTC&organization={desk.AcmeId}&groupBy=day")).RowsByKey();
        Assert.Equal([1, 1, 1], utc.Values.Select(r => r.Metric("responses")));

        var agents = (await desk.Admin.ReportAsync("satisfaction", query + "&groupBy=agent")).RowsByKey();
        var sam = agents[desk.SupportAgentId.ToString()];
        Assert.Equal("Sam Support", sam["label"]!.GetValue<string>());
        Assert.Equal((2, 100, 4.5, 2, 100), (sam.Metric("responses"), sam.Metric("csatPercent"), sam.Metric("averageScore"), sam.Metric("offered"), sam.Metric("responseRatePercent")));
        var ivo = agents[desk.InfraAgentId.ToString()];
        Assert.Equal((1, 0, 3, 2, 50), (ivo.Metric("responses"), ivo.Metric("csatPercent"), ivo.Metric("averageScore"), ivo.Metric("offered"), ivo.Metric("responseRatePercent")));

        var comments = await desk.Admin.ReportAsync("satisfaction", query + "&groupBy=ticket");
        var rows = comments["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal([t2.ToString(), t1.ToString()], rows.Select(r => r["key"]!.GetValue<string>()));
        Assert.Equal(["Better now", "Great"], rows.Select(r => r["comment"]!.GetValue<string>()));
        Assert.Equal("Ana Souza", rows[0]["requester"]!.GetValue<string>());
        var csv = await desk.Admin.CsvAsync("satisfaction", query + "&groupBy=ticket");
        Assert.Equal(
            "key,label,score,comment,ratedAt,requester\r\n" +
            $"{t2},#{t2} T2,4,Better now,2026-11-05T02:30:00Z,Ana Souza\r\n" +
            $"{t1},#{t1} T1,5,Great,2026-11-03T14:00:00Z,Ana Souza\r\n" +
            "total,Total,4,,,\r\n",
            csv);
    }
}
