using System.Globalization;
using Atende.Reporting;

namespace Atende.Tests.Reporting;

public sealed class ReportCsvTests
{
    private static ReportResult Result(params ReportRow[] rows) => new(
        "volume", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "UTC", "organization", ["created", "median"], rows,
        new Dictionary<string, object?> { ["created"] = 12, ["median"] = 7.5 });

    [Fact]
    public void A_header_a_line_per_row_and_a_total_line_with_empty_cells_for_missing_values()
    {
        var csv = ReportCsv.Write(Result(
            new ReportRow("1", "Acme", new() { ["created"] = 10, ["median"] = 12.5 }),
            new ReportRow("2", "Beta", new() { ["created"] = 2, ["median"] = null })));
        Assert.Equal("key,label,created,median\r\n1,Acme,10,12.5\r\n2,Beta,2,\r\ntotal,Total,12,7.5\r\n", csv);
    }

    [Fact]
    public void Numbers_are_written_the_same_whatever_the_servers_language()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("pt-BR");
            var csv = ReportCsv.Write(Result(new ReportRow("1", "Acme", new() { ["created"] = 1234, ["median"] = 1.5 })));
            Assert.Contains("\r\n1,Acme,1234,1.5\r\n", csv);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled()
    {
        var csv = ReportCsv.Write(Result(new ReportRow("7", "Souza, Lima & \"Filhos\"\nLtda", new() { ["created"] = 1 })));
        Assert.Contains("\r\n7,\"Souza, Lima & \"\"Filhos\"\"\nLtda\",1,\r\n", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+55 11 5555", "'+55 11 5555")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("Plain name", "Plain name")]
    [InlineData("a=b", "a=b")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe(string label, string cell)
    {
        var csv = ReportCsv.Write(Result(new ReportRow("1", label, new() { ["created"] = 1 })));
        Assert.Contains($"\r\n1,{cell},1,\r\n", csv);
    }

    [Fact]
    public void Negative_numbers_stay_numbers()
    {
        var csv = ReportCsv.Write(Result(new ReportRow("-5", "-5", new() { ["created"] = -3, ["median"] = -1.5 })));
        Assert.Contains("\r\n-5,-5,-3,-1.5\r\n", csv);
    }
}
