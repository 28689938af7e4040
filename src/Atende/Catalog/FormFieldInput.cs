using System.Text.Json;
using System.Text.RegularExpressions;

namespace Atende.Catalog;

/// <summary>One field of a request type's form as an admin submits it (POST and PATCH of /request-types).</summary>
public sealed partial record FormFieldInput(
    string? Key,
    string? Label,
    FormFieldType? Type,
    bool? Required = null,
    IReadOnlyList<string?>? Options = null,
    int? Position = null,
    string? Help = null)
{
    public const int MaxFieldsPerType = 100;
    public const int MaxOptions = 200;
    public const int MaxOptionLength = 200;

    /// <summary>Must match the column size of <see cref="FormField.OptionsJson"/>.</summary>
    private const int MaxOptionsJsonLength = 20_000;

    /// <summary>
    /// Turns the submitted form into fields, naming every problem by its place (<c>formFields[2].options[0]</c>)
    /// so the admin UI can point at it. Positions default to the submitted order.
    /// </summary>
    public static List<FormField> ToFields(string field, IReadOnlyList<FormFieldInput?> inputs, ValidationErrors errors)
    {
        var fields = new List<FormField>();
        if (inputs.Count > MaxFieldsPerType)
        {
            errors.Add(field, $"must have at most {MaxFieldsPerType} fields.");
            return fields;
        }
        // Keys differing only in case would look like one field to whoever fills in the form.
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (inputs[i] is not { } input)
            {
                errors.Add(at, "must be a field, not null.");
                continue;
            }
            var key = ValidateKey($"{at}.key", input.Key, errors);
            if (key is not null && !keys.Add(key))
            {
                errors.Add($"{at}.key", "is used by another field of this form.");
            }
            var label = errors.Text($"{at}.label", input.Label, 200, required: true);
            if (input.Type is null)
            {
                errors.Add($"{at}.type", "is required.");
            }
            var options = ValidateOptions($"{at}.options", input.Type, input.Options ?? [], errors);
            errors.Range($"{at}.position", input.Position, 0, 1_000_000);
            var help = errors.Text($"{at}.help", input.Help, 1000);
            if (!errors.Any)
            {
                fields.Add(new FormField(key!, label!, input.Type!.Value, input.Required ?? false, options, input.Position ?? (i + 1) * 10, help));
            }
        }
        return fields;
    }

    private static string? ValidateKey(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required.");
            return null;
        }
        if (!KeyPattern().IsMatch(value))
        {
            errors.Add(field, "must be an identifier such as computerNumber: a letter, then letters, digits or '_' (at most 64 characters).");
            return null;
        }
        return value;
    }

    private static List<string> ValidateOptions(string field, FormFieldType? type, IReadOnlyList<string?> submitted, ValidationErrors errors)
    {
        var options = new List<string>();
        var hasOptions = type is FormFieldType.Dropdown or FormFieldType.MultiSelect;
        if (!hasOptions)
        {
            if (submitted.Count > 0 && type is not null)
            {
                errors.Add(field, "only dropdown and multi-select fields have options.");
            }
            return options;
        }
        if (submitted.Count == 0)
        {
            errors.Add(field, "a dropdown or multi-select field needs at least one option.");
            return options;
        }
        if (submitted.Count > MaxOptions)
        {
            errors.Add(field, $"must have at most {MaxOptions} options.");
            return options;
        }
        for (var j = 0; j < submitted.Count; j++)
        {
            var option = errors.Text($"{field}[{j}]", submitted[j], MaxOptionLength, required: true);
            if (option is null)
            {
                continue;
            }
            if (options.Contains(option, StringComparer.Ordinal))
            {
                errors.Add($"{field}[{j}]", "is already an option of this field.");
            }
            options.Add(option);
        }
        if (JsonSerializer.Serialize(options).Length > MaxOptionsJsonLength)
        {
            errors.Add(field, $"are too long together: at most {MaxOptionsJsonLength} characters in all.");
        }
        return options;
    }

    // \z, not $: "$" also matches before a trailing newline.
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
