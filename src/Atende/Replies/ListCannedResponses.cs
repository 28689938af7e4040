using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Replies;

public sealed record ListCannedResponsesRequest
{
    /// <summary>Words in the title or the body, any case.</summary>
    public string? Q { get; init; }
    /// <summary><c>all</c> (default): shared and the caller's own; <c>shared</c>; <c>personal</c> (the caller's own).</summary>
    public string? Scope { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// The canned responses the caller may use, by title (the order a picker shows). A desk has tens or hundreds, so
/// <c>q</c> is a plain "contains" scan; paging is keyset on (title, id).
/// </summary>
public sealed class ListCannedResponses(AtendeDb db)
{
    public async Task<Page<CannedResponseView>> HandleAsync(ListCannedResponsesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        var q = errors.Text("q", request.Q, 200);
        if (request.Scope is not (null or "all" or "shared" or "personal"))
        {
            errors.Add("scope", "must be one of: all, shared, personal.");
        }
        var after = request.Cursor is { Length: > 0 } cursor ? TitleCursor.Decode(cursor, errors) : null;
        errors.ThrowIfAny();

        var query = db.CannedResponses.AsNoTracking().VisibleTo(caller);
        var me = caller.AgentId;
        query = request.Scope switch
        {
            "shared" => query.Where(r => r.OwnerAgentId == null),
            "personal" => query.Where(r => r.OwnerAgentId == me),
            _ => query,
        };
        if (q is not null)
        {
            var folded = q.ToLowerInvariant();
            // lower() folds ASCII only on SQLite, so the text as typed is tried too ("Ótimo" still finds itself).
            query = query.Where(r => r.Title.ToLower().Contains(folded) || r.Body.ToLower().Contains(folded) || r.Title.Contains(q) || r.Body.Contains(q));
        }
        if (after is not null)
        {
            query = query.Where(r => string.Compare(r.Title, after.Title) > 0 || (r.Title == after.Title && r.Id > after.Id));
        }
        var items = await CannedResponseView.Project(query.OrderBy(r => r.Title).ThenBy(r => r.Id).Take(limit + 1), caller).ToListAsync(ct);
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(items.Count - 1);
            next = new TitleCursor(items[^1].Title, items[^1].Id).Encode();
        }
        return new Page<CannedResponseView>(items, next);
    }

    private sealed record TitleCursor(string Title, int Id)
    {
        public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this)));

        public static TitleCursor? Decode(string cursor, ValidationErrors errors)
        {
            try
            {
                if (cursor.Length <= 1000 && JsonSerializer.Deserialize<TitleCursor>(Base64Url.DecodeFromChars(cursor)) is { Title: not null } decoded &&
                    !decoded.Title.Any(char.IsControl))
                {
                    return decoded;
                }
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
            }
            errors.Add("cursor", "is not a cursor this server issued.");
            return null;
        }
    }
}
