namespace Atende.Catalog;

/// <summary>The rule of every "new order" request (statuses, a form's fields): exactly the existing keys, each once.</summary>
internal static class CatalogOrder
{
    public static IReadOnlyList<string> Validate(string field, IReadOnlyList<string?>? submitted, IReadOnlyCollection<string> existing)
    {
        var errors = new ValidationErrors();
        if (submitted is null)
        {
            errors.Add(field, "is required: every key, in the new order.");
            errors.ThrowIfAny();
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < submitted!.Count; i++)
        {
            if (submitted[i] is not { } key)
            {
                errors.Add($"{field}[{i}]", "must be a key, not null.");
            }
            else if (!existing.Contains(key))
            {
                errors.Add($"{field}[{i}]", $"'{key}' does not exist; reload and try again.");
            }
            else if (!seen.Add(key))
            {
                errors.Add($"{field}[{i}]", $"'{key}' is listed twice.");
            }
        }
        var missing = existing.Where(k => !seen.Contains(k)).ToList();
        if (!errors.Any && missing.Count > 0)
        {
            errors.Add(field, $"must list every key; missing: {string.Join(", ", missing)} (reload and try again).");
        }
        errors.ThrowIfAny();
        return submitted.Select(k => k!).ToList();
    }
}
