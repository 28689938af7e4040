using Atende.Dashboards;

namespace Atende.Tests.Dashboards;

public sealed class WidgetPeriodsTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(WidgetPeriods.Today, "2026-11-25", "2026-11-25")]
    [InlineData(WidgetPeriods.Last7, "2026-11-19", "2026-11-25")]
    [InlineData(WidgetPeriods.Last30, "2026-10-27", "2026-11-25")]
    [InlineData(WidgetPeriods.Last90, "2026-08-28", "2026-11-25")]
    [InlineData(WidgetPeriods.ThisMonth, "2026-11-01", "2026-11-25")]
    public void A_period_ends_with_the_viewers_today_and_counts_today_as_one_of_its_days(string period, string from, string to)
    {
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), WidgetPeriods.Days(period, null, null, Today));
    }

    [Fact]
    public void A_custom_period_is_the_days_given()
    {
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)),
            WidgetPeriods.Days(WidgetPeriods.Custom, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), Today));
    }

    [Fact]
    public void Every_built_in_widget_names_a_metric_and_grouping_its_report_offers()
    {
        foreach (var dashboard in BuiltInDashboards.All)
        {
            foreach (var widget in dashboard.Widgets)
            {
                var report = ReportCatalog.Find(widget.Report);
                Assert.NotNull(report);
                Assert.All(widget.Metrics, m => Assert.Contains(m, report.Metrics));
                Assert.True(widget.GroupBy is "none" || report.Groupings.Contains(widget.GroupBy!), $"{dashboard.Key}: {widget.Title} groups by {widget.GroupBy}");
            }
        }
    }
}
