using System.Net.Http.Json;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>backlog</c> on hand-built desks whose answers are known: the trend replays resolves and reopens (a ticket
/// resolved and reopened later was not open in between, nor after the period it is asked about), in the viewer's
/// days; the backlog now by status (workflow order, Pending included), priority (by urgency), age (four buckets,
/// boundaries included) and team; merged duplicates and other organizations left out; JSON and CSV.
/// </summary>
public sealed class BacklogReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_trend_counts_the_tickets_open_at_the_end_of_each_day_as_they_were_then()
    {
        var desk = await Desk.BuildAsync(_factory);
        async Task Status(int number, string status) =>
            Assert.True((await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status })).IsSuccessStatusCode);

        // Mon 2 Nov 12:00 UTC: opened before the period, open until Saturday morning.
        var before = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Opened before the period");
        _factory.MoveTo(new DateTime(2026, 11, 3, 10, 0, 0));
        var reopened = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Resolved on day 2, reopened on day 4");
        _factory.MoveTo(new DateTime(2026, 11, 3, 11, 0, 0));
        var lateNight = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Resolved at 22:00 in São Paulo, 01:00 UTC");
        _factory.MoveTo(new DateTime(2026, 11, 3, 12, 0, 0));
        var reopenedLater = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Resolved the same day, reopened after the period");
        _factory.MoveTo(new DateTime(2026, 11, 3, 13, 0, 0));
        var duplicate = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Duplicate, merged on day 2");
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Another organization's");
        _factory.MoveTo(new DateTime(2026, 11, 3, 20, 0, 0));
        await Status(reopenedLater, "resolved");
        _factory.MoveTo(new DateTime(2026, 11, 4, 10, 0, 0));
        await Status(reopened, "resolved");
        _factory.MoveTo(new DateTime(2026, 11, 4, 12, 0, 0));
        Assert.True((await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = lateNight })).IsSuccessStatusCode);
        _factory.MoveTo(new DateTime(2026, 11, 5, 1, 0, 0));
        await Status(lateNight, "resolved");
        _factory.MoveTo(new DateTime(2026, 11, 5, 12, 0, 0));
        var pending = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Waiting on the customer still counts");
        await Status(pending, "awaiting_customer");
        _factory.MoveTo(new DateTime(2026, 11, 6, 10, 0, 0));
        await Status(reopened, "in_progress");
        _factory.MoveTo(new DateTime(2026, 11, 7, 9, 0, 0));
        await Status(before, "closed");
        _factory.MoveTo(new DateTime(2026, 11, 7, 12, 0, 0));
        await Status(reopenedLater, "in_progress");
        _factory.MoveTo(new DateTime(2026, 11, 7, 15, 0, 0)); // now: Saturday 7 Nov is under way, Sunday 8 to come

        // End of (UTC) day:  3 Nov: before, reopened, lateNight (reopenedLater resolved at 20:00; the duplicate not counted)
        //                    4 Nov: before, lateNight          5 Nov: before, pending
        //                    6 Nov: before, pending, reopened   7 Nov (now): pending, reopened, reopenedLater
        var query = $"from=2026-11-03&to=2026-11-08&organization={desk.AcmeId}";
        var utc = await desk.Admin.ReportAsync("backlog", query + "&timeZone=UTC&groupBy=day");
        Assert.Equal(["2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08"], utc.RowsByKey().Keys);
        Assert.Equal([3, 2, 2, 3, 3, null], utc.RowsByKey().Values.Select(r => r.Metric("open")));
        Assert.Equal(3, utc["totals"]!.AsObject().Metric("open"));

        // In São Paulo (UTC-3) a day ends at 03:00 UTC: lateNight was resolved on the evening of the 4th.
        var saoPaulo = await desk.Admin.ReportAsync("backlog", query + $"&timeZone={ReportCalls.SaoPaulo}&groupBy=day");
        Assert.Equal([3, 1, 2, 3, 3, null], saoPaulo.RowsByKey().Values.Select(r => r.Metric("open")));

        // Asked about the past, the tickets reopened since are counted as they were then.
        var past = await desk.Admin.ReportAsync("backlog", $"from=2026-11-03&to=2026-11-05&organization={desk.AcmeId}&timeZone=UTC&groupBy=day");
        Assert.Equal([3, 2, 2], past.RowsByKey().Values.Select(r => r.Metric("open")));
        Assert.Equal(2, past["totals"]!.AsObject().Metric("open"));

        // A week or a month under way ends now; the previous 6 days end with 2 Nov, when only "before" was open.
        var weekly = await desk.Admin.ReportAsync("backlog", query + "&timeZone=UTC&groupBy=week&compare=true");
        Assert.Equal(3, weekly.RowsByKey()["2026-11-02"].Metric("open"));
        Assert.Equal(1, weekly["previous"]!.AsObject().Metric("open"));
        var monthly = await desk.Admin.ReportAsync("backlog", query + "&timeZone=UTC&groupBy=month");
        Assert.Equal(["2026-11"], monthly.RowsByKey().Keys);
        Assert.Equal(3, monthly.RowsByKey()["2026-11"].Metric("open"));

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/backlog?{query}&timeZone=UTC&groupBy=day");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await desk.Admin.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "key,label,open\r\n2026-11-03,3 Nov,3\r\n2026-11-04,4 Nov,2\r\n2026-11-05,5 Nov,2\r\n2026-11-06,6 Nov,3\r\n" +
            "2026-11-07,7 Nov,3\r\n2026-11-08,8 Nov,\r\ntotal,Total,3\r\n",
            await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_backlog_now_by_status_priority_age_and_team()
    {
        var desk = await Desk.BuildAsync(_factory);
        async Task Status(int number, string status) =>
            Assert.True((await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status })).IsSuccessStatusCode);

        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Eight days old", teamId: desk.SupportTeamId, extra: new { priority = "low" });
        _factory.MoveTo(new DateTime(2026, 11, 6, 12, 0, 0));
        var inProgress = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Four days old", teamId: desk.InfraTeamId, extra: new { priority = "urgent" });
        await Status(inProgress, "in_progress");
        Assert.True((await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{inProgress}", new { assigneeId = desk.InfraAgentId })).IsSuccessStatusCode);
        _factory.MoveTo(new DateTime(2026, 11, 9, 13, 0, 0));
        var pending = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Exactly one day old", extra: new { priority = "high" });
        await Status(pending, "awaiting_customer");
        _factory.MoveTo(new DateTime(2026, 11, 10, 12, 0, 0));
        var resolved = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Resolved");
        _factory.MoveTo(new DateTime(2026, 11, 10, 12, 30, 0));
        var fresh = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Half an hour old");
        var duplicate = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Duplicate");
        Assert.True((await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = fresh })).IsSuccessStatusCode);
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Another organization's");
        _factory.MoveTo(new DateTime(2026, 11, 10, 12, 40, 0));
        await Status(resolved, "resolved");
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Twenty minutes old");
        _factory.MoveTo(new DateTime(2026, 11, 10, 13, 0, 0));

        var query = $"organization={desk.AcmeId}&timeZone=UTC&from=2026-11-01&to=2026-11-10";
        var byStatus = await desk.Admin.ReportAsync("backlog", query + "&compare=true");
        Assert.Equal("status", byStatus["groupBy"]!.GetValue<string>());
        var statuses = (await desk.Admin.GetJsonAsync("/api/v1/statuses"))["items"]!.AsArray()
            .ToDictionary(s => s!["key"]!.GetValue<string>(), s => s!["id"]!.GetValue<int>().ToString());
        var rows = byStatus.RowsByKey();
        Assert.Equal([statuses["new"], statuses["in_progress"], statuses["awaiting_customer"]], rows.Keys);
        Assert.Equal(["New", "In progress", "Awaiting customer"], rows.Values.Select(r => r["label"]!.GetValue<string>()));
        Assert.Equal([3, 1, 1], rows.Values.Select(r => r.Metric("open")));
        Assert.Equal(5, byStatus["totals"]!.AsObject().Metric("open"));
        // The previous 10 days end on 1 Nov at midnight, before any of these tickets.
        Assert.Equal(0, byStatus["previous"]!.AsObject().Metric("open"));

        var byPriority = (await desk.Admin.ReportAsync("backlog", query + "&groupBy=priority")).RowsByKey();
        Assert.Equal(["urgent", "high", "normal", "low"], byPriority.Keys);
        Assert.Equal([1, 1, 2, 1], byPriority.Values.Select(r => r.Metric("open")));
        Assert.Equal("Urgent", byPriority["urgent"]["label"]!.GetValue<string>());

        // One day old exactly is "1–3 days"; eight days is "> 7 days".
        var byAge = (await desk.Admin.ReportAsync("backlog", query + "&groupBy=age")).RowsByKey();
        Assert.Equal(["lt1d", "1to3d", "3to7d", "gt7d"], byAge.Keys);
        Assert.Equal(["< 1 day", "1–3 days", "3–7 days", "> 7 days"], byAge.Values.Select(r => r["label"]!.GetValue<string>()));
        Assert.Equal([2, 1, 1, 1], byAge.Values.Select(r => r.Metric("open")));
        var infraByAge = (await desk.Admin.ReportAsync("backlog", query + $"&groupBy=age&team={desk.InfraTeamId}")).RowsByKey();
        Assert.Equal([0, 0, 1, 0], infraByAge.Values.Select(r => r.Metric("open")));

        var byTeam = (await desk.Admin.ReportAsync("backlog", query + "&groupBy=team")).RowsByKey();
        // The most open first; a tie goes by name ("Infra ..." before "Support ...").
        Assert.Equal(["none", desk.InfraTeamId.ToString(), desk.SupportTeamId.ToString()], byTeam.Keys);
        Assert.Equal(3, byTeam["none"].Metric("open"));
        Assert.Equal("No team", byTeam["none"]["label"]!.GetValue<string>());
        Assert.Equal(1, byTeam[desk.InfraTeamId.ToString()].Metric("open"));

        var byAgent = (await desk.Admin.ReportAsync("backlog", query + "&groupBy=agent")).RowsByKey();
        Assert.Equal(["none", desk.InfraAgentId.ToString()], byAgent.Keys);
        Assert.Equal(["Unassigned", "Ivo Infra"], byAgent.Values.Select(r => r["label"]!.GetValue<string>()));
        Assert.Equal([4, 1], byAgent.Values.Select(r => r.Metric("open")));

        // An agent's backlog is what they may see: their teams' tickets and those no team owns yet, not Infra's.
        var asSupport = await desk.AgentInSupport.ReportAsync("backlog", query + "&groupBy=priority");
        Assert.Equal(4, asSupport["totals"]!.AsObject().Metric("open"));
        Assert.Equal([0, 1, 2, 1], asSupport.RowsByKey().Values.Select(r => r.Metric("open")));
    }
}
