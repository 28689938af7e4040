using Atende.Sla;

namespace Atende.Tests.Sla;

public sealed class HolidayCalendarFileTests
{
    // Shaped like the public-holiday calendars that calendar services export (folded lines, escapes, CRLF).
    private const string Brazil =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Holidays//PT\r\nX-WR-CALNAME:Feriados no Brasil\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Natal\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260216\r\nDTEND;VALUE=DATE:20260218\r\nSUMMARY:Carnaval\\, segunda e \r\n terça\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260421\r\nSUMMARY:Tiradentes\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nDTSTART:20260310T140000Z\r\nDTEND:20260310T150000Z\r\nSUMMARY:Reunião de equipe\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Natal (duplicado)\r\nRRULE:FREQ=YEARLY;BYMONTH=12\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    [Fact]
    public void All_day_events_become_holidays_and_yearly_ones_repeat()
    {
        var errors = new ValidationErrors();
        var holidays = HolidayCalendarFile.Parse(Brazil, errors);
        Assert.False(errors.Any);
        Assert.Equal(
            [
                (new DateOnly(2026, 2, 16), false, "Carnaval, segunda e terça"),
                (new DateOnly(2026, 2, 17), false, "Carnaval, segunda e terça"),
                (new DateOnly(2026, 4, 21), false, "Tiradentes"),
                (new DateOnly(2026, 12, 25), true, "Natal"),
            ],
            holidays.Select(h => (h.Date.Date, h.Date.Yearly, h.Name)).ToList());
    }

    [Fact]
    public void A_file_that_is_not_a_calendar_is_refused()
    {
        var errors = new ValidationErrors();
        Assert.Empty(HolidayCalendarFile.Parse("Date,Name\n2026-12-25,Natal\n", errors));
        Assert.True(errors.Any);
    }

    [Fact]
    public void An_event_spanning_months_is_cut_to_a_month()
    {
        const string ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20261231\nSUMMARY:Year\nEND:VEVENT\nEND:VCALENDAR\n";
        Assert.Equal(31, HolidayCalendarFile.Parse(ics, new ValidationErrors()).Count);
    }
}
