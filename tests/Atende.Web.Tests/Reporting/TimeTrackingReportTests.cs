namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>time-tracking</c> on a hand-built desk: entries per organization (the invoice view), per viewer's day (23:30 in
/// São Paulo is the next UTC day), per agent who logged them, filtered through their ticket; JSON and CSV.
/// </summary>
public sealed class TimeTrackingReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Sums_billable_and_non_billable_time_per_organization_day_and_agent()
    {
        var desk = await Desk.BuildAsync(_factory);
        _factory.MoveTo(At(3, 11));
        var acme = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Acme's", teamId: desk.SupportTeamId);
        var beta = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Beta's", teamId: desk.InfraTeamId);
        _factory.MoveTo(At(3, 12));
        await desk.AgentInSupport.LogTimeAsync(acme, 90, billable: true);
        _factory.MoveTo(At(4, 2, 30)); // Tuesday 23:30 in São Paulo
        await desk.AgentInSupport.LogTimeAsync(acme, 30, billable: false);
        _factory.MoveTo(At(4, 15));
        await desk.AgentInInfra.LogTimeAsync(beta, 45, billable: true);
        _factory.MoveTo(At(5, 2)); // Wednesday 23:00 in São Paulo
        await desk.Admin.LogTimeAsync(acme, 20, billable: true);
        _factory.MoveTo(At(5, 4)); // Thursday 01:00 in São Paulo: after the period
        await desk.AgentInInfra.LogTimeAsync(beta, 10, billable: true);

        var query = $"from=2026-11-03&to=2026-11-04&timeZone={ReportCalls.SaoPaulo}";
        var report = await desk.Admin.ReportAsync("time-tracking", query);
        Assert.Equal("organization", report["groupBy"]!.GetValue<string>());
        var rows = report.RowsByKey();
        var acmeRow = rows[desk.AcmeId.ToString()];
        Assert.Equal((140, 110, 30, 2.33, 1.83), (acmeRow.Metric("minutes"), acmeRow.Metric("billableMinutes"), acmeRow.Metric("nonBillableMinutes"), acmeRow.Metric("hours"), acmeRow.Metric("billableHours")));
        var betaRow = rows[desk.BetaId.ToString()];
        Assert.Equal((45, 45, 0, 0.75, 0.75), (betaRow.Metric("minutes"), betaRow.Metric("billableMinutes"), betaRow.Metric("nonBillableMinutes"), betaRow.Metric("hours"), betaRow.Metric("billableHours")));
        var totals = report["totals"]!.AsObject();
        Assert.Equal((185, 155, 30, 3.08, 2.58), (totals.Metric("minutes"), totals.Metric("billableMinutes"), totals.Metric("nonBillableMinutes"), totals.Metric("hours"), totals.Metric("billableHours")));

        var days = (await desk.Admin.ReportAsync("time-tracking", query + "&groupBy=day")).RowsByKey();
        Assert.Equal([120, 65], days.Values.Select(r => r.Metric("minutes")));
        Assert.Equal([90, 65], days.Values.Select(r => r.Metric("billableMinutes")));
        var utc = (await desk.Admin.ReportAsync("time-tracking", "from=2026-11-03&to=2026-11-04&timeZone=UTC&groupBy=day")).RowsByKey();
        Assert.Equal([90, 75], utc.Values.Select(r => r.Metric("minutes")));

        // By who logged the time, not who is assigned: the administrator logged 20 minutes on Sam's team's ticket.
        var agents = (await desk.Admin.ReportAsync("time-tracking", query + "&groupBy=agent")).RowsByKey();
        Assert.Equal(120, agents[desk.SupportAgentId.ToString()].Metric("minutes"));
        Assert.Equal(45, agents[desk.InfraAgentId.ToString()].Metric("minutes"));
        Assert.Equal(20, agents.Values.Single(r => r["key"]!.GetValue<string>() != desk.SupportAgentId.ToString() && r["key"]!.GetValue<string>() != desk.InfraAgentId.ToString()).Metric("minutes"));

        var support = (await desk.Admin.ReportAsync("time-tracking", query + $"&team={desk.SupportTeamId}&groupBy=ticket")).RowsByKey();
        Assert.Equal([acme.ToString()], support.Keys);
        Assert.Equal(140, support[acme.ToString()].Metric("minutes"));

        var csv = await desk.Admin.CsvAsync("time-tracking", query);
        Assert.Equal(
            "key,label,minutes,billableMinutes,nonBillableMinutes,hours,billableHours\r\n" +
            $"{desk.AcmeId},Acme {desk.Suffix},140,110,30,2.33,1.83\r\n" +
            $"{desk.BetaId},Beta {desk.Suffix},45,45,0,0.75,0.75\r\n" +
            "total,Total,185,155,30,3.08,2.58\r\n",
            csv);
    }
}
