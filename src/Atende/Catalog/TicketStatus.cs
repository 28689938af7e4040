using System.Text.RegularExpressions;

namespace Atende.Catalog;

/// <summary>A status the admin defines; its <see cref="StatusCategory"/> drives SLA clocks and stamps.</summary>
public sealed partial class TicketStatus
{
    public const string DefaultColor = "#607d8b";

    private TicketStatus() { }

    public TicketStatus(string key, string name, StatusCategory category, int position, string color)
    {
        Key = key;
        Name = name;
        Category = category;
        Position = position;
        Color = color;
    }

    public int Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public StatusCategory Category { get; private set; }
    public int Position { get; private set; }
    public string Color { get; private set; } = DefaultColor;

    public void Rename(string name) => Name = name;
    public void MoveTo(int position) => Position = position;
    public void Paint(string color) => Color = color;
    public void Recategorize(StatusCategory category) => Category = category;

    /// <summary>
    /// New tickets start in a status of category New and merged tickets are closed with one of category Closed,
    /// so a workflow without either would break opening or merging tickets.
    /// </summary>
    public static void RequireWorkflowEnds(IReadOnlyCollection<TicketStatus> statuses)
    {
        if (statuses.All(s => s.Category != StatusCategory.New))
        {
            throw new BusinessRuleException("At least one status of category New must remain: new tickets start in it.");
        }
        if (statuses.All(s => s.Category != StatusCategory.Closed))
        {
            throw new BusinessRuleException("At least one status of category Closed must remain: merged tickets are closed with it.");
        }
    }

    /// <summary>Colors are drawn by the UI as CSS, so only the #rrggbb form gets through (stored lower-case).</summary>
    public static string? ValidateColor(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required.");
            return null;
        }
        if (!ColorPattern().IsMatch(value))
        {
            errors.Add(field, "must be a color in the form #rrggbb.");
            return null;
        }
        return value.ToLowerInvariant();
    }

    [GeneratedRegex(@"^#[0-9a-fA-F]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
