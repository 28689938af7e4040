namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>agents</c> on a hand-built desk: solved tickets (one reopened before it was solved again), public replies
/// (internal notes are not replies) by their author, first responses by assignee, time by who logged it, CSAT by
/// assignee; per agent and per team.
/// </summary>
public sealed class AgentsReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Measures_each_agent_and_team_on_what_they_did_in_the_period()
    {
        var desk = await Desk.BuildAsync(_factory);
        var sam = desk.AgentInSupport;
        async Task Step(DateTime at, Func<Task> action)
        {
            _factory.MoveTo(at);
            await action();
            await _factory.DrainAsync();
        }
        var (t1, t2, t3) = (0, 0, 0);
        await Step(At(3, 9), async () => t1 = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "T1", teamId: desk.SupportTeamId, extra: new { assigneeId = desk.SupportAgentId }));
        await Step(At(3, 9, 30), () => sam.ReplyAsync(t1));
        await Step(At(3, 9, 40), () => sam.ReplyAsync(t1, "Internal: check the logs", "internal"));
        await Step(At(3, 10), () => sam.LogTimeAsync(t1, 45, billable: true));
        await Step(At(3, 10, 5), () => desk.Admin.LogTimeAsync(t1, 15, billable: true));
        await Step(At(3, 10, 10), async () => t2 = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "T2", teamId: desk.SupportTeamId, extra: new { assigneeId = desk.SupportAgentId }));
        await Step(At(3, 10, 10), async () => t3 = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "T3", teamId: desk.InfraTeamId, extra: new { assigneeId = desk.InfraAgentId }));
        await Step(At(3, 11), () => sam.ChangeAsync(t1, new { status = "resolved" }));
        await Step(At(3, 11, 40), () => sam.ReplyAsync(t2));
        await Step(At(3, 12), () => sam.ChangeAsync(t2, new { status = "resolved" }));
        await Step(At(3, 12, 30), () => desk.Ana.RateAsync(t1, 5));
        await Step(At(3, 13), () => sam.ChangeAsync(t2, new { status = "in_progress" }));
        await Step(At(4, 9), () => sam.ChangeAsync(t2, new { status = "resolved" }));
        await Step(At(4, 9, 5), () => sam.LogTimeAsync(t2, 30, billable: false));
        await Step(At(4, 10), () => desk.Ana.RateAsync(t2, 3));
        await Step(At(4, 10, 10), () => desk.AgentInInfra.ReplyAsync(t3));
        await Step(At(4, 11), () => desk.AgentInInfra.LogTimeAsync(t3, 60, billable: true));
        // The next day is outside the period.
        await Step(At(5, 9), () => desk.AgentInInfra.ChangeAsync(t3, new { status = "resolved" }));

        var query = $"from=2026-11-03&to=2026-11-04&timeZone=UTC&organization={desk.AcmeId}";
        var report = await desk.Admin.ReportAsync("agents", query);
        Assert.Equal("agent", report["groupBy"]!.GetValue<string>());
        var rows = report.RowsByKey();
        Assert.Equal(3, rows.Count);
        var samRow = rows[desk.SupportAgentId.ToString()];
        Assert.Equal("Sam Support", samRow["label"]!.GetValue<string>());
        // First responses: T1 in 30 minutes, T2 in 90 (nearest-rank median of two: the first).
        Assert.Equal((2, 2, 30, 50, 75, 45, 50), (samRow.Metric("solved"), samRow.Metric("replies"), samRow.Metric("firstResponseMedianMinutes"),
            samRow.Metric("reopenRatePercent"), samRow.Metric("minutes"), samRow.Metric("billableMinutes"), samRow.Metric("csatPercent")));
        var ivoRow = rows[desk.InfraAgentId.ToString()];
        Assert.Equal((0, 1, 1440, null, 60, 60, null), (ivoRow.Metric("solved"), ivoRow.Metric("replies"), ivoRow.Metric("firstResponseMedianMinutes"),
            ivoRow.Metric("reopenRatePercent"), ivoRow.Metric("minutes"), ivoRow.Metric("billableMinutes"), ivoRow.Metric("csatPercent")));
        // The administrator only logged time on Sam's ticket.
        var admin = rows.Values.Single(r => r != samRow && r != ivoRow);
        Assert.Equal((0, 0, 15, 15), (admin.Metric("solved"), admin.Metric("replies"), admin.Metric("minutes"), admin.Metric("billableMinutes")));
        // Sam's row first: ordered by solved.
        Assert.Equal(desk.SupportAgentId.ToString(), report["rows"]![0]!["key"]!.GetValue<string>());

        var totals = report["totals"]!.AsObject();
        Assert.Equal((2, 3, 90, 50, 150, 120, 50), (totals.Metric("solved"), totals.Metric("replies"), totals.Metric("firstResponseMedianMinutes"),
            totals.Metric("reopenRatePercent"), totals.Metric("minutes"), totals.Metric("billableMinutes"), totals.Metric("csatPercent")));

        var teams = (await desk.Admin.ReportAsync("agents", query + "&groupBy=team")).RowsByKey();
        var support = teams[desk.SupportTeamId.ToString()];
        Assert.Equal((2, 2, 90, 60), (support.Metric("solved"), support.Metric("replies"), support.Metric("minutes"), support.Metric("billableMinutes")));
        var infra = teams[desk.InfraTeamId.ToString()];
        Assert.Equal((0, 1, 1440, 60), (infra.Metric("solved"), infra.Metric("replies"), infra.Metric("firstResponseMedianMinutes"), infra.Metric("minutes")));

        var csv = await desk.Admin.CsvAsync("agents", query + "&groupBy=team");
        Assert.Equal(
            "key,label,solved,replies,firstResponseMedianMinutes,reopenRatePercent,minutes,billableMinutes,csatPercent\r\n" +
            $"{desk.SupportTeamId},Support {desk.Suffix},2,2,30,50,90,60,50\r\n" +
            $"{desk.InfraTeamId},Infra {desk.Suffix},0,1,1440,,60,60,\r\n" +
            "total,Total,2,3,90,50,150,120,50\r\n",
            csv);
    }
}
