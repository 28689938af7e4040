using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

public sealed record ListAgentsRequest
{
    /// <summary>Start of the name or the email.</summary>
    public string? Q { get; init; }
    /// <summary>Only active (true) or only deactivated (false) agents; both when absent.</summary>
    public bool? Active { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Agents in id order, one keyset page at a time (any agent). "q" matches the start of the name, any case (a scan, fine for a list this size).</summary>
public sealed class ListAgents(AtendeDb db)
{
    private const string CursorKind = "agents";

    public async Task<Page<AgentView>> HandleAsync(ListAgentsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        var q = errors.Text("q", request.Q, 200);
        errors.ThrowIfAny();
        var afterId = Paging.AfterId(request.Cursor, CursorKind);

        var query = db.Agents.AsNoTracking().Where(a => a.Id > afterId);
        if (request.Active is { } active)
        {
            query = query.Where(a => a.Active == active);
        }
        if (q is not null)
        {
            // Emails are stored in lower case.
            query = query.Where(NamePrefix.Matches<Agent>(a => a.Name, q, folded => a => a.Email.StartsWith(folded)));
        }
        var items = await AgentView.ReadAsync(query.OrderBy(a => a.Id).Take(limit + 1), ct);
        return Page<AgentView>.FromOverfetch(items, limit, x => new PageCursor(CursorKind, 0, x.Id));
    }
}
