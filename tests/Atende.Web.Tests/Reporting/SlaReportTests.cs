using System.Net;
using System.Net.Http.Json;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// <c>sla</c> on a hand-built desk: a policy around the clock (normal: first response 60, next response 120,
/// resolution 720 minutes; urgent: 30/60/240; warning 30 minutes before), targets met, breached by the timer,
/// met late, a resolution reopened and met again later, a merged duplicate's breach left out, and one target at
/// risk now. JSON, CSV and the breaches list.
/// </summary>
public sealed class SlaReportTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Counts_targets_met_and_breached_when_decided_and_lists_breaches_and_targets_at_risk()
    {
        var desk = await Desk.BuildAsync(_factory);
        var policy = await desk.Admin.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = $"Acme SLA {desk.Suffix}",
            businessHoursId = (int?)null,
            warningMinutes = 30,
            conditions = new { all = new object[] { new { field = "organization", @operator = "is", value = desk.AcmeId } } },
            targets = new
            {
                urgent = new { firstResponseMinutes = 30, nextResponseMinutes = 60, resolutionMinutes = 240 },
                normal = new { firstResponseMinutes = 60, nextResponseMinutes = 120, resolutionMinutes = 720 },
            },
        });
        Assert.Equal(HttpStatusCode.Created, policy.StatusCode);
        var policyId = (await policy.JsonAsync())["id"]!.GetValue<int>();
        async Task Step(DateTime at, Func<Task> action)
        {
            _factory.MoveTo(at);
            await action();
            await _factory.FireAndDrainAsync();
        }

        // A: first response met (20 min), resolved on Tuesday, reopened and resolved again on Wednesday.
        var a = 0;
        await Step(At(3, 10), async () => a = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "A"));
        await Step(At(3, 10, 20), () => desk.Admin.ReplyAsync(a));
        await Step(At(3, 11), () => desk.Admin.ChangeAsync(a, new { status = "resolved" }));
        // B (urgent): nobody answers within 30 minutes; the timer records the breach at 12:31; answered late at 13:00.
        var b = 0;
        await Step(At(3, 12), async () => b = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "B", extra: new { priority = "urgent" }));
        await Step(At(3, 12, 31), () => Task.CompletedTask);
        await Step(At(3, 13), () => desk.Admin.ReplyAsync(b));
        // E: breached, then merged into B — a duplicate's targets are left out.
        var e = 0;
        await Step(At(3, 14), async () => e = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "E duplicate"));
        await Step(At(3, 15), () => desk.Admin.ChangeAsync(b, new { status = "resolved" }));
        await Step(At(3, 15, 1), () => Task.CompletedTask);
        await Step(At(3, 15, 10), async () =>
            Assert.True((await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{e}/merge", new { into = b })).IsSuccessStatusCode));
        // Wednesday: A reopened at 08:00 and resolved at 10:00; C's next response is 20 minutes late, met at 11:40.
        await Step(At(4, 8), () => desk.Admin.ChangeAsync(a, new { status = "in_progress" }));
        var c = 0;
        await Step(At(4, 9), async () => c = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "C"));
        await Step(At(4, 9, 10), () => desk.Admin.ReplyAsync(c));
        await Step(At(4, 9, 20), () => desk.Ana.ReplyAsync(c, "Still broken."));
        await Step(At(4, 10), () => desk.Admin.ChangeAsync(a, new { status = "resolved" }));
        await Step(At(4, 11, 40), () => desk.Admin.ReplyAsync(c));
        await Step(At(4, 12), () => desk.Admin.ChangeAsync(c, new { status = "resolved" }));
        // Thursday 10:00: D's first response falls due at 11:00 — at risk from 10:30.
        var d = 0;
        await Step(At(5, 10), async () => d = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "D"));
        await Step(At(5, 10, 45), () => Task.CompletedTask);
        // Another organization (no policy) stays out.
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Beta's");

        var query = $"from=2026-11-03&to=2026-11-05&timeZone=UTC&organization={desk.AcmeId}";
        var report = await desk.Admin.ReportAsync("sla", query + "&compare=true");
        Assert.Equal("none", report["groupBy"]!.GetValue<string>());
        var totals = report["totals"]!.AsObject();
        // Met: first responses of A and C; resolutions of A (again, Wednesday), B and C. Breached: B's first response, C's next response.
        Assert.Equal(5, totals.Metric("met"));
        Assert.Equal(2, totals.Metric("breached"));
        Assert.Equal(71.4, totals.Metric("slaCompliancePercent"));
        Assert.Equal(66.7, totals.Metric("firstResponseCompliancePercent"));
        Assert.Equal(0, totals.Metric("nextResponseCompliancePercent"));
        Assert.Equal(100, totals.Metric("resolutionCompliancePercent"));
        Assert.Equal(1, totals.Metric("atRisk"));
        var previous = report["previous"]!.AsObject();
        Assert.Equal(0, previous.Metric("met"));
        Assert.Null(previous.Metric("slaCompliancePercent"));
        Assert.Null(previous.Metric("atRisk"));

        var days = (await desk.Admin.ReportAsync("sla", query + "&groupBy=day")).RowsByKey();
        Assert.Equal([2, 3, 0], days.Values.Select(r => r.Metric("met")));
        Assert.Equal([1, 1, 0], days.Values.Select(r => r.Metric("breached")));
        Assert.All(days.Values, r => Assert.Null(r.Metric("atRisk")));
        Assert.Equal(75, days["2026-11-04"].Metric("slaCompliancePercent"));
        Assert.Null(days["2026-11-05"].Metric("slaCompliancePercent"));

        var byPolicy = (await desk.Admin.ReportAsync("sla", query + "&groupBy=policy")).RowsByKey();
        Assert.Equal([policyId.ToString()], byPolicy.Keys);
        Assert.Equal($"Acme SLA {desk.Suffix}", byPolicy[policyId.ToString()]["label"]!.GetValue<string>());
        Assert.Equal(1, byPolicy[policyId.ToString()].Metric("atRisk"));

        var byPriority = (await desk.Admin.ReportAsync("sla", query + "&groupBy=priority")).RowsByKey();
        Assert.Equal((1, 1, 0), (byPriority["urgent"].Metric("met"), byPriority["urgent"].Metric("breached"), byPriority["urgent"].Metric("atRisk")));
        Assert.Equal((4, 1, 1), (byPriority["normal"].Metric("met"), byPriority["normal"].Metric("breached"), byPriority["normal"].Metric("atRisk")));

        var list = await desk.Admin.ReportAsync("sla", query + "&groupBy=ticket");
        var rows = list["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal([b, c, d], rows.Select(r => (int)r.Metric("ticket")!.Value));
        Assert.Equal(["firstResponse", "nextResponse", "firstResponse"], rows.Select(r => r["target"]!.GetValue<string>()));
        Assert.Equal(["breached", "breached", "atRisk"], rows.Select(r => r["state"]!.GetValue<string>()));
        Assert.Equal("2026-11-03T12:30:00Z", rows[0]["dueAt"]!.GetValue<string>());
        Assert.Equal("2026-11-03T12:31:00Z", rows[0]["breachedAt"]!.GetValue<string>());
        Assert.Equal("2026-11-04T11:20:00Z", rows[1]["breachedAt"]!.GetValue<string>());
        Assert.Null(rows[2]["breachedAt"]);
        Assert.Equal($"#{b} B", rows[0]["label"]!.GetValue<string>());

        var csv = await desk.Admin.CsvAsync("sla", query + "&groupBy=ticket");
        var policyName = $"Acme SLA {desk.Suffix}";
        Assert.Equal(
            "key,label,ticket,target,policy,dueAt,breachedAt,state\r\n" +
            $"{rows[0]["key"]},#{b} B,{b},firstResponse,{policyName},2026-11-03T12:30:00Z,2026-11-03T12:31:00Z,breached\r\n" +
            $"{rows[1]["key"]},#{c} C,{c},nextResponse,{policyName},2026-11-04T11:20:00Z,2026-11-04T11:20:00Z,breached\r\n" +
            $"{rows[2]["key"]},#{d} D,{d},firstResponse,{policyName},2026-11-05T11:00:00Z,,atRisk\r\n" +
            "total,Total,,,,,,\r\n",
            csv);
        var summaryCsv = await desk.Admin.CsvAsync("sla", query);
        Assert.Equal(
            "key,label,met,breached,slaCompliancePercent,firstResponseCompliancePercent,nextResponseCompliancePercent,resolutionCompliancePercent,atRisk\r\n" +
            "all,all,5,2,71.4,66.7,0,100,1\r\ntotal,Total,5,2,71.4,66.7,0,100,1\r\n",
            summaryCsv);
    }
}
