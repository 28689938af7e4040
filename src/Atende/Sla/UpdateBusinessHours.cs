using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>PATCH: only the properties present change; week and holidays are replaced as a whole.</summary>
public sealed record UpdateBusinessHoursRequest
{
    public Optional<string> Name { get; init; }
    public Optional<string> TimeZone { get; init; }
    public Optional<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>>> Week { get; init; }
    public Optional<IReadOnlyList<HolidayInput?>> Holidays { get; init; }
}

/// <summary>
/// Changes a calendar (admins). Running SLA clocks pick the new schedule up the next time their ticket changes
/// or their timer fires; time already counted stays counted.
/// </summary>
public sealed class UpdateBusinessHours(AtendeDb db)
{
    public async Task<BusinessHoursView> HandleAsync(int id, UpdateBusinessHoursRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var hours = await db.BusinessHours.Include(h => h.Holidays).FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFoundException($"Business hours {id}");
        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, BusinessHours.NameMaxLength, required: true) : null;
        var zone = request.TimeZone.IsSet ? CreateBusinessHours.CheckZone(request.TimeZone.Value, errors) : null;
        var week = request.Week.IsSet ? WeekText.Parse(request.Week.Value, errors) : null;
        var holidays = request.Holidays.IsSet ? WeekText.ParseHolidays(request.Holidays.Value, errors) : null;
        await CreateBusinessHours.CheckNameAsync(db, name, id, errors, ct);
        errors.ThrowIfAny();

        if (name is not null)
        {
            hours.Rename(name);
        }
        if (zone is not null)
        {
            hours.MoveToZone(zone);
        }
        if (week is not null)
        {
            hours.SetWeek(week);
        }
        if (holidays is not null)
        {
            hours.SetHolidays(holidays);
        }
        await CreateBusinessHours.SaveAsync(db, ct);
        return BusinessHoursView.Of(hours, await db.SlaPolicies.CountAsync(p => p.BusinessHoursId == id, ct));
    }
}
