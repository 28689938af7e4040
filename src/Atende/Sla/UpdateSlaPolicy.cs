using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>PATCH: only the properties present change; targets are replaced as a whole.</summary>
public sealed record UpdateSlaPolicyRequest
{
    public Optional<string> Name { get; init; }
    public Optional<int> Position { get; init; }
    public Optional<int?> BusinessHoursId { get; init; }
    public Optional<System.Text.Json.Nodes.JsonNode> Conditions { get; init; }
    public Optional<IReadOnlyDictionary<string, SlaTargetMinutes?>> Targets { get; init; }
    public Optional<int> WarningMinutes { get; init; }
}

/// <summary>Changes a policy (admins). Running targets keep their goal until their ticket's priority or policy changes.</summary>
public sealed class UpdateSlaPolicy(AtendeDb db)
{
    public async Task<SlaPolicyView> HandleAsync(int id, UpdateSlaPolicyRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"SLA policy {id}");
        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, SlaPolicy.NameMaxLength, required: true) : null;
        var targets = request.Targets.IsSet ? SlaPolicyInput.Targets(request.Targets.Value, errors) : null;
        if (request.Conditions.IsSet)
        {
            SlaPolicyInput.Conditions(request.Conditions.Value, errors);
        }
        if (request.WarningMinutes.IsSet)
        {
            errors.Range("warningMinutes", request.WarningMinutes.Value, 1, 7 * 24 * 60);
        }
        if (request.Position.IsSet)
        {
            errors.Range("position", request.Position.Value, 0, 1_000_000_000);
        }
        await CreateSlaPolicy.CheckAsync(db, name, id, request.BusinessHoursId.IsSet ? request.BusinessHoursId.Value : null, errors, ct);
        errors.ThrowIfAny();

        if (name is not null)
        {
            policy.Rename(name);
        }
        if (request.Position.IsSet)
        {
            policy.MoveTo(request.Position.Value);
        }
        if (request.BusinessHoursId.IsSet)
        {
            policy.MeasureIn(request.BusinessHoursId.Value);
        }
        if (request.Conditions.IsSet)
        {
            policy.SetConditions(request.Conditions.Value);
        }
        if (targets is not null)
        {
            policy.SetTargets(targets);
        }
        if (request.WarningMinutes.IsSet)
        {
            policy.WarnBefore(request.WarningMinutes.Value);
        }
        await CreateSlaPolicy.SaveAsync(db, ct);
        return SlaPolicyView.Of(policy);
    }
}
