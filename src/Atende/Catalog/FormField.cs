using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Atende.Catalog;

/// <summary>One input of a request type's form. It owns the rule for what a valid value is.</summary>
public sealed class FormField
{
    private FormField() { }

    public FormField(string key, string label, FormFieldType type, bool required, IEnumerable<string> options, int position, string? help)
    {
        Key = key;
        Update(label, type, required, options, position, help);
    }

    public int Id { get; private set; }
    public int RequestTypeId { get; private set; }
    public string Key { get; private set; } = "";
    public string Label { get; private set; } = "";
    public FormFieldType Type { get; private set; }
    public bool Required { get; private set; }
    public string OptionsJson { get; private set; } = "[]";
    public int Position { get; private set; }
    public string? Help { get; private set; }

    public IReadOnlyList<string> Options => JsonSerializer.Deserialize<List<string>>(OptionsJson) ?? [];

    public void Update(string label, FormFieldType type, bool required, IEnumerable<string> options, int position, string? help)
    {
        var list = options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        if (type is FormFieldType.Dropdown or FormFieldType.MultiSelect && list.Count == 0)
        {
            throw InvalidRequestException.For("options", "A dropdown or multi-select field needs at least one option.");
        }
        Label = label;
        Type = type;
        Required = required;
        OptionsJson = JsonSerializer.Serialize(list);
        Position = position;
        Help = help;
    }

    public void MoveTo(int position) => Position = position;

    /// <summary>Checks one submitted value; returns the value to store (normalized) or records why it is wrong.</summary>
    public JsonNode? Validate(JsonNode? value, string errorKey, ValidationErrors errors)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Null ||
            (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>())) ||
            (value.GetValueKind() == JsonValueKind.Array && value.AsArray().Count == 0))
        {
            if (Required)
            {
                errors.Add(errorKey, "is required.");
            }
            return null;
        }

        switch (Type)
        {
            case FormFieldType.Text:
                return ValidText(value, errorKey, errors, 500, checkMarkup: true);
            case FormFieldType.LongText:
                return ValidText(value, errorKey, errors, 10_000, checkMarkup: false);
            case FormFieldType.Number:
                // JSON numbers have no size limit; one a decimal cannot hold (such as 1e400) is bad input, not a crash.
                if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<decimal>(out var number))
                {
                    errors.Add(errorKey, "must be a number (at most 28 significant digits).");
                    return null;
                }
                return JsonValue.Create(number);
            case FormFieldType.Date:
                if (value.GetValueKind() != JsonValueKind.String ||
                    !DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add(errorKey, "must be a date (yyyy-MM-dd).");
                    return null;
                }
                return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case FormFieldType.Dropdown:
                if (value.GetValueKind() != JsonValueKind.String || !Options.Contains(value.GetValue<string>()))
                {
                    errors.Add(errorKey, $"must be one of: {string.Join(", ", Options)}.");
                    return null;
                }
                return JsonValue.Create(value.GetValue<string>());
            case FormFieldType.MultiSelect:
                if (value.GetValueKind() != JsonValueKind.Array ||
                    value.AsArray().Any(v => v is null || v.GetValueKind() != JsonValueKind.String || !Options.Contains(v.GetValue<string>())))
                {
                    errors.Add(errorKey, $"must be a list of: {string.Join(", ", Options)}.");
                    return null;
                }
                return new JsonArray(value.AsArray().Select(v => v!.GetValue<string>()).Distinct().Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
            case FormFieldType.Checkbox:
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(errorKey, "must be true or false.");
                    return null;
                }
                return JsonValue.Create(value.GetValue<bool>());
            case FormFieldType.Email:
                if (value.GetValueKind() != JsonValueKind.String ||
                    !MailAddress.TryCreate(value.GetValue<string>().Trim(), out var address) || address.Address != value.GetValue<string>().Trim())
                {
                    errors.Add(errorKey, "must be an email address.");
                    return null;
                }
                return JsonValue.Create(address.Address.ToLowerInvariant());
            case FormFieldType.File:
                if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<int>(out var attachmentId) || attachmentId <= 0)
                {
                    errors.Add(errorKey, "must be the id of an uploaded attachment.");
                    return null;
                }
                return JsonValue.Create(attachmentId);
            default:
                errors.Add(errorKey, "has an unsupported type.");
                return null;
        }
    }

    private static JsonValue? ValidText(JsonNode value, string errorKey, ValidationErrors errors, int max, bool checkMarkup)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(errorKey, "must be text.");
            return null;
        }
        var text = value.GetValue<string>().Trim();
        if (text.Length > max)
        {
            errors.Add(errorKey, $"must be at most {max} characters.");
            return null;
        }
        if (checkMarkup && ValidationErrors.LooksLikeMarkup(text))
        {
            errors.Add(errorKey, "must not contain HTML markup.");
            return null;
        }
        // PostgreSQL text cannot hold NUL (the search index copies these values), and no form means other control characters.
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            errors.Add(errorKey, "must not contain control characters.");
            return null;
        }
        return JsonValue.Create(text);
    }
}
