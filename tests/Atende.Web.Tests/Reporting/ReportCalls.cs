using System.Net;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Reporting;

/// <summary>What report tests do again and again: run a report, read its rows by key, travel in time.</summary>
public static class ReportCalls
{
    public const string SaoPaulo = "America/Sao_Paulo";

    public static async Task<JsonObject> ReportAsync(this HttpClient client, string name, string query)
    {
        var response = await client.GetAsync($"/api/v1/reports/{name}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}?{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())!;
    }

    /// <summary>The report's rows by key, each row's metrics as JSON.</summary>
    public static IReadOnlyDictionary<string, JsonObject> RowsByKey(this JsonObject report) =>
        report["rows"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => r["key"]!.GetValue<string>());

    /// <summary>A metric of a row or of the totals, as a number (null when the report has no value for it).</summary>
    public static double? Metric(this JsonObject values, string metric) =>
        values[metric] is JsonValue value ? value.GetValue<double>() : null;

    /// <summary>Moves the factory's clock forward to a UTC instant (reports' tests only travel forward).</summary>
    public static void MoveTo(this AtendeFactory factory, DateTime utc)
    {
        Assert.True(utc >= factory.Clock.GetUtcNow().UtcDateTime, "tests in this class only travel forward");
        factory.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
    }
}
