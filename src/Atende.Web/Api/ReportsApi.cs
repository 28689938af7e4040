using Atende.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Atende.Web.Api;

/// <summary>/api/v1/reports/{name} — the support numbers, as JSON or (Accept: text/csv) CSV for spreadsheets.</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/{name}", Run)
            .Produces<ReportResult>(StatusCodes.Status200OK, "application/json", "text/csv")
            .WithSummary("Run a report (volume, backlog, response-times, sla, satisfaction, agents, time-tracking, self-service, tags) over the caller's tickets; from/to are days of timeZone (default: the caller's), the default period is the last 30 days");
    }

    private static async Task<IResult> Run(string name, [AsParameters] ReportRequest request, RunReport run, CurrentCaller caller, HttpContext http, CancellationToken ct)
    {
        var result = await run.HandleAsync(name, request, caller.Value, ct);
        var wantsCsv = http.Request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!wantsCsv)
        {
            return TypedResults.Ok(result);
        }
        var fileName = $"{result.Report}-{result.From:yyyy-MM-dd}-{result.To:yyyy-MM-dd}.csv";
        http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        return TypedResults.Text(ReportCsv.Write(result), "text/csv; charset=utf-8");
    }
}
