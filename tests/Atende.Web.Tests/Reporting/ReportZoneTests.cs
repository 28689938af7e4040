namespace Atende.Web.Tests.Reporting;

/// <summary>
/// Reports count by the database per UTC hour in zones whose offsets are whole hours, and per instant elsewhere: both
/// must cut days at the viewer's midnight. Own database, so the clock can start where it wants.
/// </summary>
public sealed class ReportZoneTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Days_are_the_viewers_days_in_half_hour_zones_too()
    {
        // Whole-hour zones are counted by the database per UTC hour; a half-hour zone cannot be, and must still cut
        // its days at its own midnight.
        var desk = await Desk.BuildAsync(_factory);
        _factory.MoveTo(new DateTime(2026, 12, 13, 18, 15, 0)); // 23:45 on 13 Dec in Kolkata (UTC+5:30), 15:15 in São Paulo
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Before midnight in Kolkata");
        _factory.MoveTo(new DateTime(2026, 12, 13, 18, 45, 0)); // 00:15 on 14 Dec in Kolkata
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "After midnight in Kolkata");
        _factory.MoveTo(new DateTime(2026, 12, 14, 2, 59, 0)); // 23:59 on 13 Dec in São Paulo, 08:29 on 14 Dec in Kolkata
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Before midnight in São Paulo");
        _factory.MoveTo(new DateTime(2026, 12, 14, 3, 0, 0)); // 00:00 on 14 Dec in São Paulo
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "At midnight in São Paulo");

        var period = $"from=2026-12-13&to=2026-12-14&organization={desk.BetaId}";
        var kolkata = (await desk.Admin.ReportAsync("volume", period + "&timeZone=Asia/Kolkata")).RowsByKey();
        Assert.Equal([1, 3], kolkata.Values.Select(r => r.Metric("created")));
        var saoPaulo = (await desk.Admin.ReportAsync("volume", period + $"&timeZone={ReportCalls.SaoPaulo}")).RowsByKey();
        Assert.Equal([3, 1], saoPaulo.Values.Select(r => r.Metric("created")));
        var weekly = (await desk.Admin.ReportAsync("volume", period + "&timeZone=Asia/Kolkata&groupBy=week")).RowsByKey();
        // Sunday 13 Dec ends a week (weeks start on Monday).
        Assert.Equal([1, 3], weekly.Values.Select(r => r.Metric("created")));
    }
}
