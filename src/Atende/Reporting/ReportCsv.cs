using System.Globalization;
using System.Text;

namespace Atende.Reporting;

/// <summary>
/// A report as CSV (RFC 4180, comma, CRLF): a header of key, label and the metrics, a line per row, then a "total"
/// line. Cells that a spreadsheet would run as a formula (=, +, -, @ at the start of text) get a leading apostrophe,
/// since labels are names people typed.
/// </summary>
public static class ReportCsv
{
    public static string Write(ReportResult result)
    {
        var csv = new StringBuilder();
        Line(csv, ["key", "label", .. result.Metrics]);
        foreach (var row in result.Rows)
        {
            Line(csv, [row.Key, row.Label, .. result.Metrics.Select(m => Cell(row.Values.GetValueOrDefault(m)))]);
        }
        Line(csv, ["total", "Total", .. result.Metrics.Select(m => Cell(result.Totals.GetValueOrDefault(m)))]);
        return csv.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
    }

    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }
}
