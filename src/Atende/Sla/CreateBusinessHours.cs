using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

public sealed record BusinessHoursRequest(
    string? Name,
    string? TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>>? Week,
    IReadOnlyList<HolidayInput?>? Holidays);

/// <summary>Adds a working-time calendar (admins).</summary>
public sealed class CreateBusinessHours(AtendeDb db)
{
    public async Task<BusinessHoursView> HandleAsync(BusinessHoursRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, BusinessHours.NameMaxLength, required: true);
        var zone = CheckZone(request.TimeZone, errors);
        var week = WeekText.Parse(request.Week, errors);
        var holidays = WeekText.ParseHolidays(request.Holidays, errors);
        await CheckNameAsync(db, name, null, errors, ct);
        errors.ThrowIfAny();

        var hours = new BusinessHours(name!, zone!, week);
        hours.SetHolidays(holidays);
        db.BusinessHours.Add(hours);
        await SaveAsync(db, ct);
        return BusinessHoursView.Of(hours, 0);
    }

    internal static string? CheckZone(string? timeZone, ValidationErrors errors, string field = "timeZone")
    {
        var zone = timeZone?.Trim();
        if (string.IsNullOrEmpty(zone))
        {
            errors.Add(field, "is required: an IANA time zone such as America/Sao_Paulo.");
            return null;
        }
        if (BusinessHours.FindZone(zone) is null)
        {
            errors.Add(field, "is not a known time zone (IANA ids such as America/Sao_Paulo, Europe/Berlin, UTC).");
            return null;
        }
        return zone;
    }

    internal static async Task CheckNameAsync(AtendeDb db, string? name, int? exceptId, ValidationErrors errors, CancellationToken ct)
    {
        if (name is not null && await db.BusinessHours.AnyAsync(h => h.Name == name && h.Id != exceptId, ct))
        {
            errors.Add("name", "is already the name of another calendar.");
        }
    }

    internal static async Task SaveAsync(AtendeDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins naming two calendars alike at once: the unique index decides.
            throw InvalidRequestException.For("name", "is already the name of another calendar.");
        }
    }
}
