using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>
/// Adds an SLA policy (admins). It applies to tickets opened from now on, and to tickets whose matching fields
/// change later; tickets already running keep the policy they have.
/// </summary>
public sealed class CreateSlaPolicy(AtendeDb db)
{
    public async Task<SlaPolicyView> HandleAsync(SlaPolicyRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, SlaPolicy.NameMaxLength, required: true);
        var targets = SlaPolicyInput.Targets(request.Targets, errors);
        var conditions = SlaPolicyInput.Conditions(request.Conditions, errors);
        errors.Range("warningMinutes", request.WarningMinutes, 1, 7 * 24 * 60);
        errors.Range("position", request.Position, 0, 1_000_000_000);
        await CheckAsync(db, name, null, request.BusinessHoursId, errors, ct);
        errors.ThrowIfAny();

        var position = request.Position ?? (await db.SlaPolicies.MaxAsync(p => (int?)p.Position, ct) ?? 0) + 1;
        var policy = new SlaPolicy(name!, position);
        policy.MeasureIn(request.BusinessHoursId);
        policy.SetConditions(conditions);
        policy.SetTargets(targets);
        policy.WarnBefore(request.WarningMinutes ?? SlaPolicy.DefaultWarningMinutes);
        db.SlaPolicies.Add(policy);
        await SaveAsync(db, ct);
        return SlaPolicyView.Of(policy);
    }

    internal static async Task CheckAsync(AtendeDb db, string? name, int? exceptId, int? businessHoursId, ValidationErrors errors, CancellationToken ct)
    {
        if (name is not null && await db.SlaPolicies.AnyAsync(p => p.Name == name && p.Id != exceptId, ct))
        {
            errors.Add("name", "is already the name of another policy.");
        }
        if (businessHoursId is { } id && !await db.BusinessHours.AnyAsync(h => h.Id == id, ct))
        {
            errors.Add("businessHoursId", "is not a calendar.");
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
            throw InvalidRequestException.For("name", "is already the name of another policy.");
        }
    }
}
