using System.Text.Json.Nodes;

namespace Atende.Catalog;

/// <summary>A kind of request in the service catalog, with the form its tickets fill in.</summary>
public sealed class RequestType
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

    public void Describe(string name, string? description, string? category, string? icon, int position)
    {
        Name = name;
        Description = description;
        Category = category;
        Icon = icon;
        Position = position;
    }

    public void SetActive(bool active) => Active = active;
    public void MarkDefault(bool isDefault) => IsDefault = isDefault;

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
}
