using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Atende.Catalog;

/// <summary>A kind of request in the service catalog, with the form its tickets fill in.</summary>
public sealed partial class RequestType
{
    private RequestType() { }

    public RequestType(string key, string name, string? description, string? category, string? icon, int position)
    {
        Key = key;
        Name = name;
        Description = description;
        Category = category;
        Icon = icon;
        Position = position;
        Active = true;
    }

    public int Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public string? Category { get; private set; }
    public string? Icon { get; private set; }
    public int Position { get; private set; }
    public bool Active { get; private set; }
    /// <summary>The type a ticket gets when the caller names none. Exactly one type is the default.</summary>
    public bool IsDefault { get; private set; }
    public List<FormField> Fields { get; private set; } = [];
    /// <summary>Offered in the portal's service catalog. Hidden types are for agents (and rules) only.</summary>
    public bool VisibleToCustomers { get; private set; } = true;
    /// <summary>The team a new ticket of this type goes to when its creator names none.</summary>
    public int? DefaultTeamId { get; private set; }
    /// <summary>The priority a new ticket of this type gets when its creator names none.</summary>
    public Tickets.Priority? DefaultPriority { get; private set; }

    public void Describe(string name, string? description, string? category, string? icon, int position)
    {
        Name = name;
        Description = description;
        Category = category;
        Icon = icon;
        Position = position;
    }

    public void SetActive(bool active)
    {
        if (!active && IsDefault)
        {
            throw new BusinessRuleException($"'{Key}' is the default request type; make another type the default before deactivating it.");
        }
        Active = active;
    }

    public void OfferToCustomers(bool visible) => VisibleToCustomers = visible;

    /// <summary>Where new tickets of this type land by default. The team must exist (checked by the caller, which has the database).</summary>
    public void RouteTo(int? teamId, Tickets.Priority? priority)
    {
        DefaultTeamId = teamId;
        DefaultPriority = priority;
    }

    public void MarkDefault(bool isDefault) => IsDefault = isDefault;

    /// <summary>
    /// Makes this the one default type. Tickets opened without a type land here, and the portal only offers
    /// active types, so an inactive type cannot be the default.
    /// </summary>
    public void BecomeDefault(IEnumerable<RequestType> others)
    {
        if (!Active)
        {
            throw new BusinessRuleException($"'{Key}' is inactive and cannot be the default request type; activate it first.");
        }
        foreach (var other in others.Where(o => o != this))
        {
            other.MarkDefault(false);
        }
        IsDefault = true;
    }

    /// <summary>
    /// Makes the form exactly <paramref name="form"/>. Fields are matched by key, so a field that stays keeps its row.
    /// Tickets are not rewritten: a value held for a removed field stays until that ticket's fields are next written.
    /// </summary>
    public void ReplaceFields(IReadOnlyList<FormField> form)
    {
        Fields.RemoveAll(f => form.All(wanted => wanted.Key != f.Key));
        foreach (var wanted in form)
        {
            var existing = Fields.FirstOrDefault(f => f.Key == wanted.Key);
            if (existing is null)
            {
                Fields.Add(wanted);
            }
            else
            {
                existing.Update(wanted.Label, wanted.Type, wanted.Required, wanted.Options, wanted.Position, wanted.Help);
            }
        }
    }

    /// <summary>Puts the form's fields in this order (every key once; see <see cref="CatalogOrder"/>): positions 10, 20, 30...</summary>
    public void ReorderFields(IReadOnlyList<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            Fields.Single(f => f.Key == keys[i]).MoveTo((i + 1) * 10);
        }
    }

    /// <summary>
    /// Validates submitted values against this form. <paramref name="current"/> holds what the ticket already has
    /// (on update); submitted keys replace it, and required fields are checked on the result.
    /// Unknown keys are refused so a typo never silently loses data.
    /// </summary>
    public JsonObject ValidateFields(JsonObject? submitted, JsonObject? current, ValidationErrors errors)
    {
        var result = new JsonObject();
        submitted ??= [];
        foreach (var (key, _) in submitted)
        {
            if (Fields.All(f => f.Key != key))
            {
                errors.Add($"fields.{key}", $"is not a field of request type '{Key}'.");
            }
        }
        foreach (var field in Fields.OrderBy(f => f.Position))
        {
            JsonNode? value;
            if (submitted.TryGetPropertyValue(field.Key, out var given))
            {
                value = field.Validate(given?.DeepClone(), $"fields.{field.Key}", errors);
            }
            else if (current is not null && current.TryGetPropertyValue(field.Key, out var kept))
            {
                value = field.Validate(kept?.DeepClone(), $"fields.{field.Key}", errors);
            }
            else
            {
                value = field.Validate(null, $"fields.{field.Key}", errors);
            }
            if (value is not null)
            {
                result[field.Key] = value;
            }
        }
        return result;
    }

    /// <summary>An icon is a name from the UI's icon font (such as report_problem), never a URL or markup.</summary>
    public static string? ValidateIcon(string field, string? value, ValidationErrors errors)
    {
        var icon = value?.Trim();
        if (string.IsNullOrEmpty(icon))
        {
            return null;
        }
        if (!IconPattern().IsMatch(icon))
        {
            errors.Add(field, "must be an icon name: letters, digits, '_' or '-' (at most 64 characters).");
            return null;
        }
        return icon;
    }

    // \z, not $: "$" also matches before a trailing newline.
    [GeneratedRegex(@"^[a-zA-Z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IconPattern();
}
