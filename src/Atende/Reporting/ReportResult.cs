namespace Atende.Reporting;

/// <summary>
/// What every report answers (GET /api/v1/reports/{name}): its rows in order, the totals of the whole period and, when
/// asked, the totals of the previous period of the same length. <see cref="Metrics"/> names the metrics in column
/// order (the CSV's columns; a screen's series).
/// </summary>
public sealed record ReportResult(
    string Report,
    DateOnly From,
    DateOnly To,
    string TimeZone,
    string GroupBy,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyDictionary<string, object?> Totals)
{
    /// <summary>The totals of the previous period (<c>compare=true</c>), for "+12%" beside each figure.</summary>
    public IReadOnlyDictionary<string, object?>? Previous { get; init; }
}
