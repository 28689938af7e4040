using System.Globalization;
using Atende.Web.Components.Agent.Dashboards;

namespace Atende.Web.Tests.Components;

public sealed class TileFormatTests
{
    private static readonly CultureInfo English = new("en");
    private static readonly CultureInfo Portuguese = new("pt-BR");

    [Theory]
    [InlineData("firstResponseMedianMinutes", 45.4, "45 min")]
    [InlineData("firstResponseMedianMinutes", 200, "3 h 20 min")]
    [InlineData("resolutionMedianMinutes", 120, "2 h")]
    [InlineData("resolutionMedianMinutes", 3120, "2 d 4 h")]
    [InlineData("csatPercent", 92.26, "92.3%")]
    [InlineData("created", 1234, "1,234")]
    [InlineData("hours", 2.5, "2.5")]
    public void Values_are_written_as_durations_percentages_or_numbers(string metric, double value, string expected)
    {
        Assert.Equal(expected, TileFormat.Value(metric, value, English));
    }

    [Fact]
    public void A_missing_value_is_a_dash_not_zero()
    {
        Assert.Equal("—", TileFormat.Value("csatPercent", null, English));
        Assert.Equal("1.234", TileFormat.Value("created", 1234, Portuguese));
    }

    [Fact]
    public void Axis_labels_are_the_row_keys_in_the_viewers_language()
    {
        Assert.Equal("2 Nov", TileFormat.Label("2026-11-02", "2 Nov", "day", English));
        Assert.Equal("2 nov", TileFormat.Label("2026-11-02", "2 Nov", "day", Portuguese).TrimEnd('.'));
        Assert.StartsWith("nov", TileFormat.Label("2026-11", "Nov 2026", "month", Portuguese), StringComparison.Ordinal);
        Assert.Equal("Support", TileFormat.Label("12", "Support", "team", Portuguese));
    }

    [Fact]
    public void The_change_is_against_the_previous_period_and_absent_without_one()
    {
        Assert.Equal(25, TileFormat.Change(125, 100));
        Assert.Equal(-50, TileFormat.Change(50, 100));
        Assert.Null(TileFormat.Change(5, 0));
        Assert.Null(TileFormat.Change(5, null));
        Assert.True(TileFormat.LowerIsBetter("firstResponseMedianMinutes"));
        Assert.False(TileFormat.LowerIsBetter("billableMinutes"));
        Assert.False(TileFormat.LowerIsBetter("csatPercent"));
    }
}
