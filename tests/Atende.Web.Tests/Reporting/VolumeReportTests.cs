using System.Net;
using System.Net.Http.Json;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>volume</c> on a hand-built desk whose answer is known: days of the viewer's zone (a ticket at 23:30 in São Paulo
/// counts on that day, not on the UTC day after), a merged duplicate left out, a reopened ticket counted when last
/// resolved, JSON and CSV, and who may run it. The class owns its database, so its clock can start where it wants.
/// </summary>
public sealed class VolumeReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Counts_created_and_resolved_tickets_per_day_of_the_viewers_time_zone()
    {
        var desk = await Desk.BuildAsync(_factory);
        async Task Status(int number, string status) =>
            Assert.True((await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status })).IsSuccessStatusCode);

        _factory.MoveTo(new DateTime(2026, 11, 3, 2, 30, 0)); // Mon 2 Nov, 23:30 in São Paulo
        var late = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Late on Monday");
        _factory.MoveTo(new DateTime(2026, 11, 3, 13, 0, 0));
        await Status(late, "resolved");
        var reopened = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Reopened and still open", extra: new { priority = "high" });
        _factory.MoveTo(new DateTime(2026, 11, 3, 14, 0, 0));
        var duplicate = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Duplicate");
        Assert.True((await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = reopened })).IsSuccessStatusCode);
        _factory.MoveTo(new DateTime(2026, 11, 4, 12, 0, 0));
        await Status(reopened, "resolved");
        var twice = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Resolved twice", extra: new { priority = "high" });
        _factory.MoveTo(new DateTime(2026, 11, 4, 13, 0, 0));
        await Status(twice, "resolved");
        _factory.MoveTo(new DateTime(2026, 11, 5, 2, 0, 0)); // Wed 4 Nov, 23:00 in São Paulo
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Late on Wednesday");
        _factory.MoveTo(new DateTime(2026, 11, 5, 12, 0, 0));
        await Status(reopened, "in_progress");
        _factory.MoveTo(new DateTime(2026, 11, 5, 13, 0, 0));
        await Status(twice, "in_progress");
        _factory.MoveTo(new DateTime(2026, 11, 6, 12, 0, 0));
        await Status(twice, "resolved");
        // Another organization's ticket, outside the filter.
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Beta's ticket");

        var query = $"from=2026-11-02&to=2026-11-06&timeZone={ReportCalls.SaoPaulo}&organization={desk.AcmeId}";
        var report = await desk.Admin.ReportAsync("volume", query);
        Assert.Equal("day", report["groupBy"]!.GetValue<string>());
        var rows = report.RowsByKey();
        Assert.Equal(["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"], rows.Keys);
        Assert.Equal([1, 1, 2, 0, 0], rows.Values.Select(r => r.Metric("created")));
        Assert.Equal([0, 1, 0, 0, 1], rows.Values.Select(r => r.Metric("resolved")));
        Assert.Equal("2 Nov", rows["2026-11-02"]["label"]!.GetValue<string>());
        Assert.Equal(4, report["totals"]!.AsObject().Metric("created"));
        Assert.Equal(2, report["totals"]!.AsObject().Metric("resolved"));

        // In UTC the two late tickets fall on the next day.
        var utc = (await desk.Admin.ReportAsync("volume", $"from=2026-11-02&to=2026-11-06&timeZone=UTC&organization={desk.AcmeId}")).RowsByKey();
        Assert.Equal([0, 2, 1, 1, 0], utc.Values.Select(r => r.Metric("created")));

        var byPriority = (await desk.Admin.ReportAsync("volume", query + "&groupBy=priority")).RowsByKey();
        Assert.Equal(2, byPriority["high"].Metric("created"));
        Assert.Equal(1, byPriority["high"].Metric("resolved"));
        Assert.Equal(2, byPriority["normal"].Metric("created"));
        Assert.Equal("High", byPriority["high"]["label"]!.GetValue<string>());

        // The week of Monday 2 Nov holds them all; the previous 5 days hold nothing.
        var weekly = await desk.Admin.ReportAsync("volume", query + "&groupBy=week&compare=true");
        Assert.Equal(4, weekly.RowsByKey()["2026-11-02"].Metric("created"));
        Assert.Equal(0, weekly["previous"]!.AsObject().Metric("created"));

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/volume?{query}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await desk.Admin.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "key,label,created,resolved\r\n2026-11-02,2 Nov,1,0\r\n2026-11-03,3 Nov,1,1\r\n2026-11-04,4 Nov,2,0\r\n" +
            "2026-11-05,5 Nov,0,0\r\n2026-11-06,6 Nov,0,1\r\ntotal,Total,4,2\r\n",
            await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_agent_counts_only_their_teams_tickets_and_customers_may_not_run_reports()
    {
        var desk = await Desk.BuildAsync(_factory);
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Support's", teamId: desk.SupportTeamId);
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Infra's", teamId: desk.InfraTeamId);
        var query = $"organization={desk.AcmeId}&groupBy=team";

        var asSupport = (await desk.AgentInSupport.ReportAsync("volume", query)).RowsByKey();
        Assert.Equal([desk.SupportTeamId.ToString()], asSupport.Keys);
        var asAdmin = (await desk.Admin.ReportAsync("volume", query)).RowsByKey();
        Assert.Equal(2, asAdmin.Count);

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/reports/volume")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/reports/volume")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/reports/nonsense")).StatusCode);
    }

    [Fact]
    public async Task Bad_parameters_are_answered_under_their_own_names()
    {
        var desk = await Desk.BuildAsync(_factory);
        var response = await desk.Admin.GetAsync(
            "/api/v1/reports/volume?from=2026-13-01&timeZone=Mars/Olympus&groupBy=age&team=-3&priority=9&compare=maybe&type=nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["compare", "from", "groupBy", "priority", "team", "timeZone", "type"], (await response.ErrorFieldsAsync()).Order());

        var tooLong = await desk.Admin.GetAsync("/api/v1/reports/volume?from=2020-01-01&to=2026-01-01");
        Assert.Equal(["to"], await tooLong.ErrorFieldsAsync());
        var backwards = await desk.Admin.GetAsync("/api/v1/reports/volume?from=2026-02-01&to=2026-01-01");
        Assert.Equal(["from"], await backwards.ErrorFieldsAsync());
    }
}
