namespace Atende.Automation;

/// <summary>The ticket fields a condition may name, and the operators that make sense for each kind.</summary>
public static class ConditionFields
{
    public const string CustomPrefix = "fields.";

    public static readonly IReadOnlyDictionary<string, ConditionFieldKind> Known = new Dictionary<string, ConditionFieldKind>
    {
        ["status"] = ConditionFieldKind.Key,
        ["statusCategory"] = ConditionFieldKind.Key,
        ["priority"] = ConditionFieldKind.OrderedKey,
        ["type"] = ConditionFieldKind.Key,
        ["channel"] = ConditionFieldKind.Key,
        ["team"] = ConditionFieldKind.Reference,
        ["assignee"] = ConditionFieldKind.Reference,
        ["requester"] = ConditionFieldKind.Reference,
        ["organization"] = ConditionFieldKind.Reference,
        ["tags"] = ConditionFieldKind.Set,
        ["subject"] = ConditionFieldKind.Text,
        ["description"] = ConditionFieldKind.Text,
        ["createdAt"] = ConditionFieldKind.Time,
        ["updatedAt"] = ConditionFieldKind.Time,
        ["businessHours"] = ConditionFieldKind.Boolean,
    };

    /// <summary>The values a closed key field accepts (status and type keys are the desk's own and checked against the catalog).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> KeyValues = new Dictionary<string, string[]>
    {
        ["statusCategory"] = ["new", "open", "pending", "resolved", "closed"],
        ["priority"] = ["low", "normal", "high", "urgent"],
        ["channel"] = ["api", "web", "portal", "email", "chat", "phone"],
    };

    public static IReadOnlyList<ConditionOperator> OperatorsFor(ConditionFieldKind kind) => kind switch
    {
        ConditionFieldKind.Text => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.Contains, ConditionOperator.NotContains,
            ConditionOperator.StartsWith, ConditionOperator.EndsWith, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        ConditionFieldKind.Key => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.IsAnyOf, ConditionOperator.IsNoneOf],
        ConditionFieldKind.OrderedKey => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.IsAnyOf, ConditionOperator.IsNoneOf,
            ConditionOperator.GreaterThan, ConditionOperator.LessThan],
        ConditionFieldKind.Reference => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.IsAnyOf, ConditionOperator.IsNoneOf,
            ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        ConditionFieldKind.Set => [ConditionOperator.Contains, ConditionOperator.NotContains, ConditionOperator.IsAnyOf, ConditionOperator.IsNoneOf,
            ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        ConditionFieldKind.Number => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.GreaterThan, ConditionOperator.LessThan,
            ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        ConditionFieldKind.Time => [ConditionOperator.WithinLast, ConditionOperator.NotWithinLast, ConditionOperator.GreaterThan, ConditionOperator.LessThan],
        ConditionFieldKind.Boolean => [ConditionOperator.Is],
        ConditionFieldKind.Custom => Enum.GetValues<ConditionOperator>().Where(o => o is not (ConditionOperator.WithinLast or ConditionOperator.NotWithinLast)).ToArray(),
        _ => [],
    };

    /// <summary>The kind of <paramref name="field"/>, or null when conditions cannot name it.</summary>
    public static ConditionFieldKind? KindOf(string field) =>
        Known.TryGetValue(field, out var kind) ? kind
        : field.StartsWith(CustomPrefix, StringComparison.Ordinal) && field.Length > CustomPrefix.Length ? ConditionFieldKind.Custom
        : null;
}
