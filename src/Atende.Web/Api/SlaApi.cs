using Atende.Sla;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/business-hours and /api/v1/sla-policies — working-time calendars and the service targets measured in them.</summary>
public static class SlaApi
{
    public static void MapSlaApi(this RouteGroupBuilder api)
    {
        var hours = api.MapGroup("/business-hours").WithTags("SLA");
        hours.MapGet("/", ListHours).WithSummary("List working-time calendars (staff)");
        hours.MapGet("/{id:int}", GetHours).WithSummary("Read a calendar with its weekly periods and holidays (staff)");
        hours.MapPost("/", CreateHours).WithSummary("Add a calendar: name, timeZone (IANA), week, holidays (admins)");
        hours.MapPatch("/{id:int}", UpdateHours).WithSummary("Change a calendar; week and holidays are replaced as a whole (admins)");
        hours.MapDelete("/{id:int}", DeleteHours).WithSummary("Delete a calendar no policy uses (admins)");
        hours.MapPost("/{id:int}/holidays/import", Import).DisableAntiforgery()
            .WithSummary("Add the all-day events of an iCalendar file as holidays (multipart/form-data, field 'file'; admins)");

        var policies = api.MapGroup("/sla-policies").WithTags("SLA");
        policies.MapGet("/", ListPolicies).WithSummary("List SLA policies in the order they are tried (staff)");
        policies.MapGet("/{id:int}", GetPolicy).WithSummary("Read an SLA policy (staff)");
        policies.MapPost("/", CreatePolicy).WithSummary("Add an SLA policy: conditions, calendar, targets per priority (admins)");
        policies.MapPatch("/{id:int}", UpdatePolicy).WithSummary("Change an SLA policy (admins)");
        policies.MapDelete("/{id:int}", DeletePolicy).WithSummary("Delete an SLA policy (admins)");
    }

    private static async Task<Ok<IReadOnlyList<BusinessHoursView>>> ListHours(ListBusinessHours list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<Ok<BusinessHoursView>> GetHours(int id, GetBusinessHours get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<BusinessHoursView>> CreateHours(BusinessHoursRequest request, CreateBusinessHours create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/business-hours/{view.Id}", view);
    }

    private static async Task<Ok<BusinessHoursView>> UpdateHours(int id, UpdateBusinessHoursRequest request, UpdateBusinessHours update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> DeleteHours(int id, DeleteBusinessHours delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ImportHolidaysResult>> Import(int id, IFormFile? file, ImportHolidays import, CurrentCaller caller, CancellationToken ct)
    {
        if (file is null)
        {
            throw Atende.InvalidRequestException.For("file", "is required (multipart/form-data field 'file' with an .ics calendar).");
        }
        if (file.Length > HolidayCalendarFile.MaxBytes)
        {
            throw new Atende.PayloadTooLargeException(HolidayCalendarFile.MaxBytes);
        }
        using var reader = new StreamReader(file.OpenReadStream());
        return TypedResults.Ok(await import.HandleAsync(id, await reader.ReadToEndAsync(ct), caller.Value, ct));
    }

    private static async Task<Ok<IReadOnlyList<SlaPolicyView>>> ListPolicies(ListSlaPolicies list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<Ok<SlaPolicyView>> GetPolicy(int id, GetSlaPolicy get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<SlaPolicyView>> CreatePolicy(SlaPolicyRequest request, CreateSlaPolicy create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/sla-policies/{view.Id}", view);
    }

    private static async Task<Ok<SlaPolicyView>> UpdatePolicy(int id, UpdateSlaPolicyRequest request, UpdateSlaPolicy update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> DeletePolicy(int id, DeleteSlaPolicy delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
