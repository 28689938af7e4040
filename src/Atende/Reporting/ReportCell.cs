namespace Atende.Reporting;

/// <summary>Values of list rows (breaches, comments) as cells that read the same in JSON and CSV.</summary>
public static class ReportCell
{
    /// <summary>A timestamp as ISO 8601 UTC text: <c>2026-11-03T14:00:00Z</c>.</summary>
    public static string? Time(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
