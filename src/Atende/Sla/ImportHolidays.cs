using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

public sealed record ImportHolidaysResult(int Imported, BusinessHoursView BusinessHours);

/// <summary>
/// Adds the holidays of an iCalendar (.ics) file to a calendar (admins): all-day events become holidays, yearly
/// ones stay yearly; days the calendar already has are skipped, so importing the same file twice adds nothing.
/// </summary>
public sealed class ImportHolidays(AtendeDb db)
{
    public async Task<ImportHolidaysResult> HandleAsync(int id, string ics, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var hours = await db.BusinessHours.Include(h => h.Holidays).FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFoundException($"Business hours {id}");
        var errors = new ValidationErrors();
        var imported = HolidayCalendarFile.Parse(ics, errors);
        if (!errors.Any && hours.Holidays.Count + imported.Count > WeekText.MaxHolidays)
        {
            errors.Add("file", $"would give the calendar more than {WeekText.MaxHolidays} holidays.");
        }
        errors.ThrowIfAny();

        var added = hours.AddHolidays(imported.Select(h => (h.Date, h.Name)));
        await db.SaveChangesAsync(ct);
        return new ImportHolidaysResult(added, BusinessHoursView.Of(hours, await db.SlaPolicies.CountAsync(p => p.BusinessHoursId == id, ct)));
    }
}
