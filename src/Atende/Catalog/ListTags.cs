using System.Buffers.Text;
using System.Text;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

public sealed record ListTagsRequest(string? Q = null, int? Limit = null, string? Cursor = null);

/// <summary>
/// Tags by name with how many tickets carry each (staff: customers never see tags). <c>q</c> matches the start of
/// the name, which the name index can answer; paging is keyset on the name, which is unique.
/// </summary>
public sealed class ListTags(AtendeDb db)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>A cursor is a tag name in base64url: at most 64 UTF-16 units, so at most 192 bytes of UTF-8, so 256 characters.</summary>
    private const int MaxCursorLength = 256;

    public async Task<Page<TagView>> HandleAsync(ListTagsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }
        if (request.Q is { Length: > 64 })
        {
            errors.Add("q", "must be at most 64 characters.");
        }
        else if (request.Q is not null && request.Q.Any(char.IsControl))
        {
            // No tag name has one, and PostgreSQL refuses a NUL in a query parameter (a 500 otherwise).
            errors.Add("q", "must not contain control characters.");
        }
        var after = request.Cursor is { Length: > 0 } cursor ? DecodeCursor(cursor, errors) : null;
        errors.ThrowIfAny();

        var query = db.Tags.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var prefix = Tag.Normalize(request.Q);
            query = query.Where(t => t.Name.StartsWith(prefix));
        }
        if (after is not null)
        {
            query = query.Where(t => string.Compare(t.Name, after) > 0);
        }
        var tags = await query.OrderBy(t => t.Name).Take(limit + 1)
            .Select(t => new TagView(t.Id, t.Name, db.TicketTags.Count(x => x.TagId == t.Id)))
            .ToListAsync(ct);

        string? next = null;
        if (tags.Count > limit)
        {
            tags.RemoveAt(tags.Count - 1);
            next = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tags[^1].Name));
        }
        return new Page<TagView>(tags, next);
    }

    private static string? DecodeCursor(string cursor, ValidationErrors errors)
    {
        try
        {
            // Cursors carry a tag name, which never has control characters; a forged NUL would reach PostgreSQL and fail there.
            if (cursor.Length <= MaxCursorLength && Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)) is var name && !name.Any(char.IsControl))
            {
                return name;
            }
        }
        catch (FormatException)
        {
        }
        errors.Add("cursor", "is not a cursor this server issued.");
        return null;
    }
}
