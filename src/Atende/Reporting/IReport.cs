namespace Atende.Reporting;

/// <summary>
/// One named report (<c>volume</c>, <c>backlog</c>...). <see cref="RunReport"/> checks the caller and the request,
/// builds the <see cref="ReportScope"/> and calls it; a report only reads.
/// </summary>
public interface IReport
{
    /// <summary>The API name: <c>GET /api/v1/reports/{name}</c>.</summary>
    string Name { get; }

    /// <summary>The groupings it can answer, the first being its default.</summary>
    IReadOnlyList<ReportGrouping> Groupings { get; }

    Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct);
}
