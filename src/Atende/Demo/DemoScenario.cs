using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Atende.Tickets;

namespace Atende.Demo;

/// <summary>
/// What each side writes about one kind of request, in one language. An array as long as
/// <see cref="Descriptions"/> is read in step with it (the subject, question, fix and note that fit that story);
/// <see cref="Answers"/> as long as <see cref="Questions"/> is read in step with the question asked.
/// </summary>
internal sealed record DemoWording(
    string[] Subjects,
    string[] Descriptions,
    string[] Questions,
    string[] Answers,
    string[] Fixes,
    string[] Notes,
    IReadOnlyDictionary<string, string[]>? Slots = null);

/// <summary>One kind of request the demo desk receives: its type, queue, tags, and the words on both sides.</summary>
internal sealed record DemoScenario(
    string Key,
    string Type,
    string Team,
    string[] Tags,
    Priority[] Priorities,
    int Weight,
    DemoWording En,
    DemoWording Pt,
    IReadOnlyDictionary<string, string[]>? Slots = null,
    Func<DemoSlots, string, JsonObject>? Fields = null)
{
    public DemoWording For(string language) => language == DemoPhrases.Portuguese ? Pt : En;
}

/// <summary>The values one demo ticket is written with, so every message of a ticket tells the same story.</summary>
internal sealed partial class DemoSlots
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string this[string key]
    {
        get => _values[key];
        set => _values[key] = value;
    }

    public DemoSlots Copy()
    {
        var copy = new DemoSlots();
        foreach (var (key, value) in _values)
        {
            copy[key] = value;
        }
        return copy;
    }

    /// <summary>Replaces every {slot}. An unknown slot is a typo in the text bank: fail loudly rather than show braces.</summary>
    public string Fill(string template) =>
        SlotPattern().Replace(template, m => _values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Demo text uses the unknown slot {{{m.Groups[1].Value}}}: {template}"));

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex SlotPattern();
}
