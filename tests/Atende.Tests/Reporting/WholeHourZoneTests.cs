using Atende.Reporting;

namespace Atende.Tests.Reporting;

public sealed class WholeHourZoneTests
{
    private static ReportPeriod Period(string zone) =>
        new(new DateOnly(2026, 8, 28), new DateOnly(2026, 11, 25), TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/Sao_Paulo")] // -3:06:28 before 1914 must not count: only the period's rules do
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    public void Zones_whose_offsets_are_whole_hours_in_the_period_can_be_counted_by_utc_hour(string zone) =>
        Assert.True(KeyedRows.WholeHours(Period(zone)));

    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/St_Johns")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Australia/Adelaide")]
    [InlineData("Australia/Lord_Howe")] // +10:30, and only half an hour of summer time
    public void Zones_with_half_hours_are_not(string zone) =>
        Assert.False(KeyedRows.WholeHours(Period(zone)));
}
