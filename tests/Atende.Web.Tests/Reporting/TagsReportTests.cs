using System.Net.Http.Json;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>tags</c> on a hand-built desk: tickets created in the period per tag (a ticket in each of its tags' rows,
/// untagged ones under "none"), per request type, and the daily trend of the period's top 5 tags (ties by name),
/// whose names are the metrics; merged duplicates and tickets outside the period left out; JSON and CSV.
/// </summary>
public sealed class TagsReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Counts_the_periods_tickets_per_tag_and_type_and_trends_the_top_five_tags()
    {
        var desk = await Desk.BuildAsync(_factory);
        Task<int> Open(string subject, string[] tags, string? type = null) =>
            desk.OpenAsync(desk.Admin, desk.AnaEmail, subject, extra: type is null ? new { tags } : new { tags, type });

        // Mon 2 Nov 12:00 UTC.
        await Open("A", ["vpn", "printer"]);
        _factory.MoveTo(new DateTime(2026, 11, 2, 13, 0, 0));
        await Open("B", ["VPN"], type: "question");
        _factory.MoveTo(new DateTime(2026, 11, 3, 12, 0, 0));
        await Open("C", ["vpn", "wifi", "sap"]);
        _factory.MoveTo(new DateTime(2026, 11, 3, 23, 30, 0));
        await Open("D", ["printer", "mfa"]);
        _factory.MoveTo(new DateTime(2026, 11, 4, 10, 0, 0));
        await Open("E", ["vpn", "printer", "wifi", "sap", "email"]);
        _factory.MoveTo(new DateTime(2026, 11, 4, 11, 0, 0));
        var untagged = await Open("F", []);
        var duplicate = await Open("G", ["vpn"]);
        Assert.True((await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = untagged })).IsSuccessStatusCode);
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Another organization's", extra: new { tags = new[] { "email" } });
        _factory.MoveTo(new DateTime(2026, 11, 5, 10, 0, 0));
        await Open("After the period", ["mfa", "email"]);

        // vpn 4, printer 3, sap 2, wifi 2, email 1, mfa 1, no tag 1 — of 6 tickets.
        var query = $"from=2026-11-02&to=2026-11-04&timeZone=UTC&organization={desk.AcmeId}";
        var byTag = await desk.Admin.ReportAsync("tags", query);
        Assert.Equal("tag", byTag["groupBy"]!.GetValue<string>());
        var rows = byTag["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["vpn", "printer", "sap", "wifi", "email", "mfa", "No tag"], rows.Select(r => r["label"]!.GetValue<string>()));
        Assert.Equal([4, 3, 2, 2, 1, 1, 1], rows.Select(r => r.Metric("tickets")));
        Assert.Equal("none", rows[^1]["key"]!.GetValue<string>());
        Assert.Equal(6, byTag["totals"]!.AsObject().Metric("tickets"));

        var byType = (await desk.Admin.ReportAsync("tags", query + "&groupBy=type")).RowsByKey();
        Assert.Equal(["Incident", "Question"], byType.Values.Select(r => r["label"]!.GetValue<string>()));
        Assert.Equal([5, 1], byType.Values.Select(r => r.Metric("tickets")));

        // The trend: top 5 (mfa loses the tie with email by name), counted on each ticket's creation day.
        var trend = await desk.Admin.ReportAsync("tags", query + "&groupBy=day&compare=true");
        Assert.Equal(["vpn", "printer", "sap", "wifi", "email"], trend["metrics"]!.AsArray().Select(m => m!.GetValue<string>()));
        var days = trend.RowsByKey();
        Assert.Equal([2, 1, 1], days.Values.Select(r => r.Metric("vpn")));
        Assert.Equal([0, 0, 1], days.Values.Select(r => r.Metric("email")));
        Assert.Equal(4, trend["totals"]!.AsObject().Metric("vpn"));
        Assert.Equal(6, trend["totals"]!.AsObject().Metric("tickets"));
        Assert.Equal(0, trend["previous"]!.AsObject().Metric("tickets"));

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/tags?{query}&groupBy=day");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await desk.Admin.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "key,label,vpn,printer,sap,wifi,email\r\n2026-11-02,2 Nov,2,1,0,0,0\r\n2026-11-03,3 Nov,1,1,1,1,0\r\n" +
            "2026-11-04,4 Nov,1,1,1,1,1\r\ntotal,Total,4,3,2,2,1\r\n",
            await csv.Content.ReadAsStringAsync());

        // In São Paulo, D (23:30 UTC on the 3rd) is on the 3rd too, and a week holds them all.
        var weekly = await desk.Admin.ReportAsync("tags", $"from=2026-11-02&to=2026-11-04&timeZone={ReportCalls.SaoPaulo}&organization={desk.AcmeId}&groupBy=week");
        Assert.Equal(3, weekly.RowsByKey()["2026-11-02"].Metric("printer"));
    }

    [Fact]
    public async Task A_period_without_tags_has_no_trend_metrics()
    {
        var desk = await Desk.BuildAsync(_factory);
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Untagged");
        var trend = await desk.Admin.ReportAsync("tags", $"organization={desk.AcmeId}&groupBy=week");
        Assert.Empty(trend["metrics"]!.AsArray());
        Assert.Equal(1, trend["totals"]!.AsObject().Metric("tickets"));
        Assert.All(trend.RowsByKey().Values, r => Assert.Equal(["key", "label"], r.Select(p => p.Key)));
    }

    [Fact]
    public async Task Tickets_whose_numbers_are_scattered_among_others_are_counted_too()
    {
        var desk = await Desk.BuildAsync(_factory);
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "First", extra: new { tags = new[] { "vpn" } });
        for (var i = 0; i < 4; i++)
        {
            await desk.OpenAsync(desk.Admin, desk.CarlaEmail, $"Beta's {i}", extra: new { tags = new[] { "vpn", "sap" } });
        }
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Last", extra: new { tags = new[] { "vpn", "sap" } });

        var rows = (await desk.Admin.ReportAsync("tags", $"organization={desk.AcmeId}")).RowsByKey().Values.ToList();
        Assert.Equal(["vpn", "sap"], rows.Select(r => r["label"]!.GetValue<string>()));
        Assert.Equal([2, 1], rows.Select(r => r.Metric("tickets")));
        var trend = await desk.Admin.ReportAsync("tags", $"organization={desk.AcmeId}&groupBy=month");
        Assert.Equal(2, trend["totals"]!.AsObject().Metric("vpn"));
    }
}
