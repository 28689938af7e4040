using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>PATCH: only the properties present change; null clears domains and notes.</summary>
public sealed record UpdateOrganizationRequest
{
    public Optional<string> Name { get; init; }
    public Optional<bool?> SharesTickets { get; init; }
    public Optional<IReadOnlyList<string>> Domains { get; init; }
    public Optional<string> Notes { get; init; }
}

/// <summary>
/// Changes an organization (agents). Sharing takes effect on the contacts' next request, because the caller is
/// loaded fresh each time; domains only place customers created from now on.
/// </summary>
public sealed class UpdateOrganization(AtendeDb db)
{
    public async Task HandleAsync(int id, UpdateOrganizationRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var organization = await db.Organizations.Include(o => o.Domains).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException($"Organization {id}");

        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, 200, required: true) : null;
        await CreateOrganization.CheckNameAsync(db, name, id, errors, ct);
        if (request.SharesTickets is { IsSet: true, Value: null })
        {
            errors.Add("sharesTickets", "cannot be empty.");
        }
        var domains = request.Domains.IsSet ? await CreateOrganization.ValidateDomainsAsync(db, request.Domains.Value ?? [], id, errors, ct) : null;
        var notes = request.Notes.IsSet ? TeamNotes.Validate("notes", request.Notes.Value, errors) : null;
        errors.ThrowIfAny();

        if (name is not null)
        {
            organization.Rename(name);
        }
        if (request.SharesTickets is { IsSet: true, Value: { } shares })
        {
            organization.ShareTickets(shares);
        }
        if (domains is not null)
        {
            organization.SetDomains(domains);
        }
        if (request.Notes.IsSet)
        {
            organization.SetNotes(notes);
        }
        await CreateOrganization.SaveAsync(db, ct);
    }
}
