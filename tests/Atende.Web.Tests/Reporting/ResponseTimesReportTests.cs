using System.Net;
using System.Net.Http.Json;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>response-times</c> on a hand-built desk under a São Paulo 08–18 SLA calendar: calendar minutes from creation
/// to the first reply and to the last resolve, business minutes from the SLA clock (nights and pending time left
/// out), nearest-rank medians and p90s, a reopened ticket counted once on its last resolve, a ticket without SLA
/// giving null business figures, days of the viewer's zone, JSON and CSV.
/// </summary>
public sealed class ResponseTimesReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task First_response_and_resolution_times_in_calendar_and_business_minutes()
    {
        var desk = await Desk.BuildAsync(_factory);
        var hoursId = await CreateSaoPauloHoursAsync(desk);
        await CreatePolicyAsync(desk, hoursId, desk.AcmeId);

        // São Paulo is UTC-3 all year; 2 Nov 2026 is a Monday. Times below are UTC, with São Paulo's in comments.
        // "pending": opened Mon 09:00, answered 10:00 (60 min, 60 working) and left waiting on the customer until 15:00,
        // resolved 17:00: 480 calendar minutes, 180 working (09–10 and 15–17; the clock paused while pending).
        var pending = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Sat in a pending status");
        await DrainAsync();
        await MoveAndDrainAsync(new DateTime(2026, 11, 2, 13, 0, 0));
        await ReplyAsync(desk, pending, "Could you send the log?", status: "awaiting_customer");
        // "overnight": opened Mon 11:00, answered Tue 09:00 (1,320 calendar, 420 + 60 working), resolved Tue 11:00
        // (1,440 calendar, 420 + 180 working).
        await MoveAndDrainAsync(new DateTime(2026, 11, 2, 14, 0, 0));
        var overnight = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Opened late morning, answered the next day");
        await MoveAndDrainAsync(new DateTime(2026, 11, 2, 18, 0, 0));
        await StatusAsync(desk, pending, "in_progress");
        await MoveAndDrainAsync(new DateTime(2026, 11, 2, 20, 0, 0));
        await StatusAsync(desk, pending, "resolved");
        await MoveAndDrainAsync(new DateTime(2026, 11, 3, 12, 0, 0));
        await ReplyAsync(desk, overnight, "Done, please check.");
        // "noSla": Beta's, which no policy covers: answered in 30 minutes (Tue), resolved after a day (Wed).
        await MoveAndDrainAsync(new DateTime(2026, 11, 3, 13, 0, 0));
        var noSla = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "No service targets");
        await MoveAndDrainAsync(new DateTime(2026, 11, 3, 13, 30, 0));
        await ReplyAsync(desk, noSla, "On it.");
        await MoveAndDrainAsync(new DateTime(2026, 11, 3, 14, 0, 0));
        await StatusAsync(desk, overnight, "resolved");
        // "reopened": opened Tue 12:00, answered 12:30, resolved 13:00, reopened Wed 09:00, resolved again 10:00:
        // one resolution, on Wednesday, of 1,320 calendar minutes and 60 + 60 working ones.
        await MoveAndDrainAsync(new DateTime(2026, 11, 3, 15, 0, 0));
        var reopened = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Resolved twice");
        await MoveAndDrainAsync(new DateTime(2026, 11, 3, 15, 30, 0));
        await ReplyAsync(desk, reopened, "Try now.");
        await MoveAndDrainAsync(new DateTime(2026, 11, 3, 16, 0, 0));
        await StatusAsync(desk, reopened, "resolved");
        await MoveAndDrainAsync(new DateTime(2026, 11, 4, 12, 0, 0));
        await StatusAsync(desk, reopened, "in_progress");
        await MoveAndDrainAsync(new DateTime(2026, 11, 4, 13, 0, 0));
        await StatusAsync(desk, reopened, "resolved");
        await StatusAsync(desk, noSla, "resolved");
        // Answered but never resolved, and outside the period anyway: the day after.
        await MoveAndDrainAsync(new DateTime(2026, 11, 5, 12, 0, 0));
        var tomorrow = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "The day after");
        await ReplyAsync(desk, tomorrow, "Hello.");
        await DrainAsync();

        var query = $"from=2026-11-02&to=2026-11-04&timeZone={ReportCalls.SaoPaulo}";
        var report = await desk.Admin.ReportAsync("response-times", query);
        Assert.Equal("none", report["groupBy"]!.GetValue<string>());
        var totals = report["totals"]!.AsObject();
        // First responses [30, 30, 60, 1320]; business [30, 60, 480].
        Assert.Equal(4, totals.Metric("firstResponses"));
        Assert.Equal(30, totals.Metric("firstResponseMedianMinutes"));
        Assert.Equal(1320, totals.Metric("firstResponseP90Minutes"));
        Assert.Equal(360, totals.Metric("firstResponseAverageMinutes"));
        Assert.Equal(60, totals.Metric("firstResponseBusinessMedianMinutes"));
        Assert.Equal(480, totals.Metric("firstResponseBusinessP90Minutes"));
        Assert.Equal(190, totals.Metric("firstResponseBusinessAverageMinutes"));
        // Resolutions [480, 1320, 1440, 1440]; business [120, 180, 600].
        Assert.Equal(4, totals.Metric("resolutions"));
        Assert.Equal(1320, totals.Metric("resolutionMedianMinutes"));
        Assert.Equal(1440, totals.Metric("resolutionP90Minutes"));
        Assert.Equal(1170, totals.Metric("resolutionAverageMinutes"));
        Assert.Equal(180, totals.Metric("resolutionBusinessMedianMinutes"));
        Assert.Equal(600, totals.Metric("resolutionBusinessP90Minutes"));
        Assert.Equal(300, totals.Metric("resolutionBusinessAverageMinutes"));
        Assert.Equal(["all"], report.RowsByKey().Keys);
        Assert.Equal(4, report.RowsByKey()["all"].Metric("firstResponses"));

        // Beta's tickets have no SLA data: their business figures are null, not zero.
        var byOrganization = (await desk.Admin.ReportAsync("response-times", query + "&groupBy=organization")).RowsByKey();
        var beta = byOrganization[desk.BetaId.ToString()];
        Assert.Equal(1, beta.Metric("firstResponses"));
        Assert.Equal(30, beta.Metric("firstResponseMedianMinutes"));
        Assert.Null(beta.Metric("firstResponseBusinessMedianMinutes"));
        Assert.Equal(1440, beta.Metric("resolutionAverageMinutes"));
        Assert.Null(beta.Metric("resolutionBusinessAverageMinutes"));
        Assert.Equal(180, byOrganization[desk.AcmeId.ToString()].Metric("resolutionBusinessMedianMinutes"));

        // Per day of the reply / of the (last) resolve.
        var byDay = await desk.Admin.ReportAsync("response-times", query + "&groupBy=day");
        var days = byDay.RowsByKey();
        Assert.Equal([1, 3, 0], days.Values.Select(r => r.Metric("firstResponses")));
        Assert.Equal([1, 1, 2], days.Values.Select(r => r.Metric("resolutions")));
        Assert.Equal(60, days["2026-11-02"].Metric("firstResponseBusinessMedianMinutes"));
        Assert.Equal(180, days["2026-11-02"].Metric("resolutionBusinessMedianMinutes"));
        Assert.Equal(30, days["2026-11-03"].Metric("firstResponseMedianMinutes"));
        Assert.Equal(460, days["2026-11-03"].Metric("firstResponseAverageMinutes"));
        Assert.Null(days["2026-11-04"].Metric("firstResponseMedianMinutes"));
        Assert.Equal(1380, days["2026-11-04"].Metric("resolutionAverageMinutes"));

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/response-times?{query}&groupBy=day");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await desk.Admin.SendAsync(csvRequest);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(
            "key,label,firstResponses,firstResponseMedianMinutes,firstResponseP90Minutes,firstResponseAverageMinutes," +
            "resolutions,resolutionMedianMinutes,resolutionP90Minutes,resolutionAverageMinutes," +
            "firstResponseBusinessMedianMinutes,firstResponseBusinessP90Minutes,firstResponseBusinessAverageMinutes," +
            "resolutionBusinessMedianMinutes,resolutionBusinessP90Minutes,resolutionBusinessAverageMinutes\r\n" +
            "2026-11-02,2 Nov,1,60,60,60,1,480,480,480,60,60,60,180,180,180\r\n" +
            "2026-11-03,3 Nov,3,30,1320,460,1,1440,1440,1440,30,480,255,600,600,600\r\n" +
            "2026-11-04,4 Nov,0,,,,2,1320,1440,1380,,,,120,120,120\r\n" +
            "total,Total,4,30,1320,360,4,1320,1440,1170,60,480,190,180,600,300\r\n",
            await csv.Content.ReadAsStringAsync());

        // Filters narrow the tickets: Beta alone.
        var betaOnly = await desk.Admin.ReportAsync("response-times", query + $"&organization={desk.BetaId}");
        Assert.Equal(1, betaOnly["totals"]!.AsObject().Metric("resolutions"));
        Assert.Null(betaOnly["totals"]!.AsObject().Metric("resolutionBusinessMedianMinutes"));
    }

    [Fact]
    public async Task A_period_without_tickets_has_counts_of_zero_and_no_durations()
    {
        var desk = await Desk.BuildAsync(_factory);
        var report = await desk.Admin.ReportAsync("response-times", $"from=2026-10-01&to=2026-10-31&organization={desk.AcmeId}&groupBy=team");
        Assert.Empty(report.RowsByKey());
        var totals = report["totals"]!.AsObject();
        Assert.Equal(0, totals.Metric("firstResponses"));
        Assert.Null(totals.Metric("firstResponseMedianMinutes"));
        Assert.Null(totals.Metric("resolutionBusinessP90Minutes"));
        Assert.Equal(["groupBy"], await (await desk.Admin.GetAsync("/api/v1/reports/response-times?groupBy=status")).ErrorFieldsAsync());
    }

    private async Task MoveAndDrainAsync(DateTime utc)
    {
        _factory.MoveTo(utc);
        await DrainAsync();
    }

    private static async Task ReplyAsync(Desk desk, int number, string body, string? status = null)
    {
        var response = await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, visibility = "public", status });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task StatusAsync(Desk desk, int number, string status)
    {
        var response = await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> CreateSaoPauloHoursAsync(Desk desk)
    {
        string[][] day = [["08:00", "18:00"]];
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/business-hours", new
        {
            name = $"São Paulo 8-18 {desk.Suffix}",
            timeZone = "America/Sao_Paulo",
            week = new { monday = day, tuesday = day, wednesday = day, thursday = day, friday = day },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    private static async Task CreatePolicyAsync(Desk desk, int hoursId, int organizationId)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = $"Acme {desk.Suffix}",
            businessHoursId = hoursId,
            warningMinutes = 30,
            conditions = new { all = new object[] { new { field = "organization", @operator = "is", value = organizationId } } },
            targets = new { normal = new { firstResponseMinutes = 240, resolutionMinutes = 2400 } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The SLA clocks are kept by the outbox; the background loop runs too, so drain until nothing is left.</summary>
    private async Task DrainAsync()
    {
        var dispatcher = _factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 3; round++)
        {
            while (await dispatcher.DispatchOnceAsync(default) > 0)
            {
            }
            var db = _factory.CreateDb();
            var now = _factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 100 && await db.Outbox.AnyAsync(m => m.ProcessedAt == null && m.AvailableAt <= now); i++)
            {
                await Task.Delay(50);
                while (await dispatcher.DispatchOnceAsync(default) > 0)
                {
                }
            }
        }
    }
}
