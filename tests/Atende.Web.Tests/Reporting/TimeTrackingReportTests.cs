using System.Net.Http.Json;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>time-tracking</c> on a hand-built desk: entries per organization (the invoice view), per viewer's day (23:30 in
/// São Paulo is the next UTC day), per agent who logged them, filtered through their ticket (time on a merged
/// duplicate still counts); JSON and CSV.
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
        var duplicate = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Acme's duplicate", teamId: desk.SupportTeamId);
        _factory.MoveTo(At(3, 12));
        await desk.AgentInSupport.LogTimeAsync(acme, 90, billable: true);
        // Worked on the duplicate before it was merged: still worked, still billed.
        _factory.MoveTo(At(3, 12, 30));
        await desk.AgentInSupport.LogTimeAsync(duplicate, 15, billable: true);
        Assert.True((await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = acme })).IsSuccessStatusCode);
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
        Assert.Equal((155, 125, 30, 2.58, 2.08), (acmeRow.Metric("minutes"), acmeRow.Metric("billableMinutes"), acmeRow.Metric("nonBillableMinutes"), acmeRow.Metric("hours"), acmeRow.Metric("billableHours")));
        var betaRow = rows[desk.BetaId.ToString()];
        Assert.Equal((45, 45, 0, 0.75, 0.75), (betaRow.Metric("minutes"), betaRow.Metric("billableMinutes"), betaRow.Metric("nonBillableMinutes"), betaRow.Metric("hours"), betaRow.Metric("billableHours")));
        var totals = report["totals"]!.AsObject();
        Assert.Equal((200, 170, 30, 3.33, 2.83), (totals.Metric("minutes"), totals.Metric("billableMinutes"), totals.Metric("nonBillableMinutes"), totals.Metric("hours"), totals.Metric("billableHours")));

        var days = (await desk.Admin.ReportAsync("time-tracking", query + "&groupBy=day")).RowsByKey();
        Assert.Equal([135, 65], days.Values.Select(r => r.Metric("minutes")));
        Assert.Equal([105, 65], days.Values.Select(r => r.Metric("billableMinutes")));
        var utc = (await desk.Admin.ReportAsync("time-tracking", "from=2026-11-03&to=2026-11-04&timeZone=UTC&groupBy=day")).RowsByKey();
        Assert.Equal([105, 75], utc.Values.Select(r => r.Metric("minutes")));

        // By who logged the time, not who is assigned: the administrator logged 20 minutes on Sam's team's ticket.
        var agents = (await desk.Admin.ReportAsync("time-tracking", query + "&groupBy=agent")).RowsByKey();
        Assert.Equal(135, agents[desk.SupportAgentId.ToString()].Metric("minutes"));
        Assert.Equal(45, agents[desk.InfraAgentId.ToString()].Metric("minutes"));
        Assert.Equal(20, agents.Values.Single(r => r["key"]!.GetValue<string>() != desk.SupportAgentId.ToString() && r["key"]!.GetValue<string>() != desk.InfraAgentId.ToString()).Metric("minutes"));

        var support = (await desk.Admin.ReportAsync("time-tracking", query + $"&team={desk.SupportTeamId}&groupBy=ticket")).RowsByKey();
        Assert.Equal([acme.ToString(), duplicate.ToString()], support.Keys);
        Assert.Equal(140, support[acme.ToString()].Metric("minutes"));
        Assert.Equal(15, support[duplicate.ToString()].Metric("minutes"));

        // An agent's report covers their teams' tickets; a report groups only as it can.
        var asInfra = (await desk.AgentInInfra.ReportAsync("time-tracking", query)).RowsByKey();
        Assert.Equal([desk.BetaId.ToString()], asInfra.Keys);
        Assert.Equal(["groupBy"], await (await desk.Admin.GetAsync($"/api/v1/reports/time-tracking?{query}&groupBy=policy")).ErrorFieldsAsync());

        var csv = await desk.Admin.CsvAsync("time-tracking", query);
        Assert.Equal(
            "key,label,minutes,billableMinutes,nonBillableMinutes,hours,billableHours\r\n" +
            $"{desk.AcmeId},Acme {desk.Suffix},155,125,30,2.58,2.08\r\n" +
            $"{desk.BetaId},Beta {desk.Suffix},45,45,0,0.75,0.75\r\n" +
            "total,Total,200,170,30,3.33,2.83\r\n",
            csv);
    }
}
