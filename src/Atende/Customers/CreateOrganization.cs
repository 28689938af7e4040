using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

public sealed record CreateOrganizationRequest(string? Name, bool? SharesTickets = null, IReadOnlyList<string>? Domains = null, string? Notes = null);

/// <summary>Adds a client company (agents).</summary>
public sealed class CreateOrganization(AtendeDb db, TimeProvider clock)
{
    public const int MaxDomains = 100;

    public async Task<OrganizationView> HandleAsync(CreateOrganizationRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, 200, required: true);
        var notes = TeamNotes.Validate("notes", request.Notes, errors);
        await CheckNameAsync(db, name, null, errors, ct);
        var domains = await ValidateDomainsAsync(db, request.Domains, null, errors, ct);
        errors.ThrowIfAny();

        var organization = new Organization(name!, clock.GetUtcNow().UtcDateTime);
        organization.ShareTickets(request.SharesTickets ?? false);
        organization.SetDomains(domains);
        organization.SetNotes(notes);
        db.Organizations.Add(organization);
        await SaveAsync(db, ct);
        return new OrganizationView(organization.Id, organization.Name, organization.SharesTickets,
            organization.Domains.Select(d => d.Domain).Order().ToList(), organization.Notes, organization.CreatedAt, 0);
    }

    internal static async Task CheckNameAsync(AtendeDb db, string? name, int? organizationId, ValidationErrors errors, CancellationToken ct)
    {
        if (name is not null && await db.Organizations.AnyAsync(o => o.Name == name && o.Id != organizationId, ct))
        {
            errors.Add("name", "is already used by another organization.");
        }
    }

    /// <summary>
    /// Normalizes the domains and refuses any that belongs to another organization: a new requester's email
    /// domain must lead to exactly one organization.
    /// </summary>
    internal static async Task<List<string>> ValidateDomainsAsync(
        AtendeDb db, IReadOnlyList<string>? domains, int? organizationId, ValidationErrors errors, CancellationToken ct)
    {
        if (domains is null)
        {
            return [];
        }
        if (domains.Count > MaxDomains)
        {
            errors.Add("domains", $"must have at most {MaxDomains} domains.");
            return [];
        }
        var valid = new List<(int Index, string Domain)>();
        for (var i = 0; i < domains.Count; i++)
        {
            if (errors.Domain($"domains[{i}]", domains[i], required: true) is { } domain)
            {
                valid.Add((i, domain));
            }
        }
        var wanted = valid.Select(v => v.Domain).Distinct().ToList();
        var taken = await db.OrganizationDomains
            .Where(d => wanted.Contains(d.Domain) && d.OrganizationId != organizationId)
            .Join(db.Organizations, d => d.OrganizationId, o => o.Id, (d, o) => new { d.Domain, o.Name })
            .ToDictionaryAsync(t => t.Domain, t => t.Name, ct);
        foreach (var (index, domain) in valid)
        {
            if (taken.TryGetValue(domain, out var owner))
            {
                errors.Add($"domains[{index}]", $"is already used by the organization {owner}.");
            }
        }
        return wanted;
    }

    /// <summary>The checks above run before saving; a concurrent request can still win the unique name or domain.</summary>
    internal static async Task SaveAsync(AtendeDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new BusinessRuleException("Another change took the same organization name or domain at the same moment; reload and try again.");
        }
    }
}
