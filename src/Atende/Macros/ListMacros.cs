using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Macros;

/// <param name="Scope">"shared", "personal" or null for both.</param>
public sealed record ListMacrosRequest(string? Scope = null);

/// <summary>The shared macros and the caller's own, by name (agents); a colleague's personal macros are never listed.</summary>
public sealed class ListMacros(AtendeDb db)
{
    public async Task<IReadOnlyList<MacroView>> HandleAsync(ListMacrosRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var query = db.Macros.AsNoTracking().VisibleTo(caller);
        query = request.Scope switch
        {
            null or "" => query,
            "shared" => query.Where(m => m.OwnerAgentId == null),
            "personal" => query.Where(m => m.OwnerAgentId != null),
            _ => throw InvalidRequestException.For("scope", "must be shared or personal."),
        };
        var macros = await query.OrderBy(m => m.Name).ThenBy(m => m.Id).Take(500).ToListAsync(ct);
        return macros.Select(m => MacroView.Of(m, caller)).ToList();
    }
}
