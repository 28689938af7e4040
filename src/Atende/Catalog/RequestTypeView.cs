namespace Atende.Catalog;

public sealed record FormFieldView(string Key, string Label, FormFieldType Type, bool Required, IReadOnlyList<string> Options, int Position, string? Help);

/// <summary>A request type with its form, fields in the order the form shows them.</summary>
public sealed record RequestTypeView(
    int Id,
    string Key,
    string Name,
    string? Description,
    string? Category,
    string? Icon,
    int Position,
    bool Active,
    bool IsDefault,
    IReadOnlyList<FormFieldView> FormFields,
    bool VisibleToCustomers,
    int? DefaultTeamId,
    Tickets.Priority? DefaultPriority)
{
    public static RequestTypeView Of(RequestType type) =>
        new(type.Id, type.Key, type.Name, type.Description, type.Category, type.Icon, type.Position, type.Active, type.IsDefault,
            type.Fields.OrderBy(f => f.Position).ThenBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new FormFieldView(f.Key, f.Label, f.Type, f.Required, f.Options, f.Position, f.Help))
                .ToList(),
            type.VisibleToCustomers, type.DefaultTeamId, type.DefaultPriority);

    /// <summary>What customers may see of a type: its routing (team, priority) is the desk's business.</summary>
    public RequestTypeView ForCustomers() => this with { DefaultTeamId = null, DefaultPriority = null };
}
