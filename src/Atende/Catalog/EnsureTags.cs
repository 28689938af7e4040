using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>Turns tag names into tag rows, creating the ones that do not exist yet (agents tag freely).</summary>
public sealed class EnsureTags(AtendeDb db)
{
    public const int MaxTagsPerTicket = 20;

    public static IReadOnlyList<string>? Validate(string field, IReadOnlyList<string>? names, ValidationErrors errors)
    {
        if (names is null)
        {
            return null;
        }
        if (names.Count > MaxTagsPerTicket)
        {
            errors.Add(field, $"must have at most {MaxTagsPerTicket} tags.");
            return null;
        }
        var result = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (ValidateName($"{field}[{i}]", names[i], errors) is { } name)
            {
                result.Add(name);
            }
        }
        return result.Distinct().ToList();
    }

    /// <summary>One tag name, normalized; null (with the reason recorded) when it cannot be a tag.</summary>
    public static string? ValidateName(string field, string? value, ValidationErrors errors)
    {
        var name = errors.Text(field, value, 64, required: true);
        if (name is not null && name.Any(char.IsWhiteSpace))
        {
            errors.Add(field, "must be one word (use '-' between words).");
            return null;
        }
        return name is null ? null : Tag.Normalize(name);
    }

    public async Task<Dictionary<int, string>> HandleAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var existing = await db.Tags.Where(t => names.Contains(t.Name)).ToListAsync(ct);
        foreach (var name in names.Where(n => existing.All(e => e.Name != n)))
        {
            var tag = new Tag(name);
            db.Tags.Add(tag);
            try
            {
                await db.SaveChangesAsync(ct);
                existing.Add(tag);
            }
            catch (DbUpdateException)
            {
                // Someone created the same tag a moment ago: use theirs.
                db.Entry(tag).State = EntityState.Detached;
                existing.Add(await db.Tags.SingleAsync(t => t.Name == name, ct));
            }
        }
        return existing.ToDictionary(t => t.Id, t => t.Name);
    }
}
