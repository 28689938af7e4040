using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

public sealed record MentionSuggestion(int Id, string Name, string Handle);

/// <summary>
/// Active agents whose handle or name starts with what was typed after "@", for the reply box's autocompletion
/// (agents only). An empty prefix lists the first ones by name.
/// </summary>
public sealed class SuggestMentions(AtendeDb db)
{
    public const int DefaultLimit = 8;
    public const int MaxLimit = 50;

    public async Task<IReadOnlyList<MentionSuggestion>> HandleAsync(string? prefix, int? limit, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var size = limit ?? DefaultLimit;
        errors.Range("limit", size, 1, MaxLimit);
        var q = errors.Text("prefix", prefix?.TrimStart('@'), 100);
        errors.ThrowIfAny();

        var query = db.Agents.AsNoTracking().Where(a => a.Active);
        if (q is not null)
        {
            // Emails are stored in lower case, so the handle half of the match is an index-friendly prefix.
            query = query.Where(NamePrefix.Matches<Agent>(a => a.Name, q, folded => a => a.Email.StartsWith(folded)));
        }
        var rows = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(size)
            .Select(a => new { a.Id, a.Name, a.Email })
            .ToListAsync(ct);
        return rows.Select(r => new MentionSuggestion(r.Id, r.Name, Mention.HandleOf(r.Email))).ToList();
    }
}
