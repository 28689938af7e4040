using System.Globalization;
using System.Text;
using Atende.Catalog;

namespace Atende.Web.Components.Admin.RequestTypes;

/// <summary>
/// One field of a form while the admin edits it in the <see cref="FormBuilder"/>. Mutable on purpose: the inputs bind
/// to it, and nothing is sent until the admin saves the whole form.
/// </summary>
public sealed class FormFieldDraft
{
    private string _label = "";

    /// <summary>True for a field the server already has: its key stays, because tickets hold values under it.</summary>
    public bool Saved { get; init; }

    /// <summary>Set once the admin types a key; until then the key follows the label.</summary>
    public bool KeyEdited { get; set; }

    public string Key { get; set; } = "";
    public FormFieldType Type { get; set; }
    public bool Required { get; set; }
    public string? Help { get; set; }

    /// <summary>Dropdown and multi-select options, one per line.</summary>
    public string OptionsText { get; set; } = "";

    public string Label
    {
        get => _label;
        set
        {
            _label = value;
            if (!Saved && !KeyEdited)
            {
                Key = KeyFor(value);
            }
        }
    }

    public bool HasOptions => Type is FormFieldType.Dropdown or FormFieldType.MultiSelect;

    public IReadOnlyList<string> Options =>
        OptionsText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static FormFieldDraft From(FormFieldView field) => new()
    {
        Saved = true,
        KeyEdited = true,
        Key = field.Key,
        Label = field.Label,
        Type = field.Type,
        Required = field.Required,
        Help = field.Help,
        OptionsText = string.Join('\n', field.Options),
    };

    /// <summary>What the API takes; the position is the place in the list, so the order on screen is the order saved.</summary>
    public FormFieldInput ToInput(int index) => new(
        Key, Label, Type, Required, HasOptions ? Options.Select(o => (string?)o).ToList() : null, (index + 1) * 10,
        string.IsNullOrWhiteSpace(Help) ? null : Help);

    /// <summary>"Computer number" becomes computerNumber, the kind of key the API asks for (accents dropped).</summary>
    public static string KeyFor(string label)
    {
        var plain = new StringBuilder();
        foreach (var c in label.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c < 128 && char.IsLetterOrDigit(c) ? c : ' ');
            }
        }
        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = new StringBuilder();
        foreach (var word in words)
        {
            key.Append(key.Length == 0
                ? word.ToLowerInvariant()
                : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant());
        }
        if (key.Length > 0 && !char.IsLetter(key[0]))
        {
            key.Insert(0, "field");
        }
        return key.Length > 64 ? key.ToString(0, 64) : key.ToString();
    }
}
