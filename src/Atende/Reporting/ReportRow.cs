using System.Text.Json.Serialization;

namespace Atende.Reporting;

/// <summary>
/// One row of a report: its key (a day, a team id, a ticket number...), a readable label, and its metrics as flat
/// camelCase properties (<c>{ "key": "2026-11-24", "label": "24 Nov", "created": 12, "resolved": 9 }</c>).
/// A metric without a value (a median of no tickets) is null, never 0.
/// </summary>
public sealed class ReportRow
{
    public ReportRow()
    {
    }

    public ReportRow(string key, string label, Dictionary<string, object?> values)
    {
        Key = key;
        Label = label;
        Values = values;
    }

    public string Key { get; init; } = "";
    public string Label { get; init; } = "";

    [JsonExtensionData]
    public Dictionary<string, object?> Values { get; init; } = [];
}
