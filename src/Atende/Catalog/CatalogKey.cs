using System.Text.RegularExpressions;

namespace Atende.Catalog;

/// <summary>
/// The key of a status or request type: what API callers, rules and mailboxes type to name it, so it is
/// lower_snake_case and never changes once created (renaming it would break every integration that uses it).
/// </summary>
public static partial class CatalogKey
{
    public static string? Validate(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required.");
            return null;
        }
        if (!Pattern().IsMatch(value))
        {
            errors.Add(field, "must be lower_snake_case: a lower-case letter, then lower-case letters, digits or '_' (at most 64 characters).");
            return null;
        }
        return value;
    }

    public static void RefuseChange(string field, Optional<string> requested, string current, ValidationErrors errors)
    {
        if (requested.IsSet && requested.Value != current)
        {
            errors.Add(field, "cannot be changed after creation; integrations and rules refer to it.");
        }
    }

    // \z, not $: "$" also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
