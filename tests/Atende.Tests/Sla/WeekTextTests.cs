using Atende.Sla;

namespace Atende.Tests.Sla;

public sealed class WeekTextTests
{
    [Theory]
    [InlineData("08:00", 480)]
    [InlineData("00:00", 0)]
    [InlineData("24:00", 1440)]
    [InlineData("23:59", 1439)]
    [InlineData("24:01", null)]
    [InlineData("8:00", null)]
    [InlineData("08:60", null)]
    [InlineData("+8:00", null)]
    [InlineData(null, null)]
    public void Times_are_HH_mm_and_24_00_ends_the_day(string? text, int? minute) => Assert.Equal(minute, WeekText.Minute(text));

    [Fact]
    public void A_week_reads_from_day_names_and_writes_back_every_day_Monday_first()
    {
        var errors = new ValidationErrors();
        var week = WeekText.Parse(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["monday"] = [["08:00", "12:00"], ["13:00", "18:00"]],
            ["saturday"] = [["22:00", "06:00"]],
        }, errors);
        Assert.False(errors.Any);
        Assert.Equal([new WorkingPeriod(DayOfWeek.Monday, 480, 720), new WorkingPeriod(DayOfWeek.Monday, 780, 1080), new WorkingPeriod(DayOfWeek.Saturday, 1320, 360)], week);

        var text = WeekText.Format(week);
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], text.Keys);
        Assert.Equal(["22:00", "06:00"], text["saturday"][0]);
        Assert.Empty(text["sunday"]);
    }

    [Fact]
    public void Errors_name_the_day_and_the_period()
    {
        var errors = new ValidationErrors();
        WeekText.Parse(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["monday"] = [["08:00"], ["00:00", "00:00"]],
            ["someday"] = [],
        }, errors);
        var thrown = Assert.Throws<InvalidRequestException>(errors.ThrowIfAny);
        Assert.Equal(["week.monday[0]", "week.monday[1]", "week.someday"], thrown.Errors.Keys.Order());
    }

    [Fact]
    public void Holidays_need_a_date()
    {
        var errors = new ValidationErrors();
        var holidays = WeekText.ParseHolidays([new HolidayInput(new DateOnly(2026, 12, 25), "Natal", true), new HolidayInput(null, "?", false)], errors);
        Assert.Single(holidays);
        Assert.Equal(new HolidayDate(new DateOnly(2026, 12, 25), true), holidays[0].Date);
        Assert.Equal(["holidays[1].date"], Assert.Throws<InvalidRequestException>(errors.ThrowIfAny).Errors.Keys);
    }
}
