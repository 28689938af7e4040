using System.Text.Json.Serialization;

namespace Atende.Automation;

/// <summary>How a condition compares a ticket's field with its value. Which ones fit depends on the field's kind.</summary>
public enum ConditionOperator
{
    Is,
    [JsonStringEnumMemberName("isNot")] IsNot,
    [JsonStringEnumMemberName("isAnyOf")] IsAnyOf,
    [JsonStringEnumMemberName("isNoneOf")] IsNoneOf,
    Contains,
    [JsonStringEnumMemberName("notContains")] NotContains,
    [JsonStringEnumMemberName("startsWith")] StartsWith,
    [JsonStringEnumMemberName("endsWith")] EndsWith,
    [JsonStringEnumMemberName("greaterThan")] GreaterThan,
    [JsonStringEnumMemberName("lessThan")] LessThan,
    [JsonStringEnumMemberName("withinLast")] WithinLast,
    [JsonStringEnumMemberName("notWithinLast")] NotWithinLast,
    [JsonStringEnumMemberName("isEmpty")] IsEmpty,
    [JsonStringEnumMemberName("isNotEmpty")] IsNotEmpty,
}

/// <summary>The kind of a ticket field as conditions see it; it decides the operators and what a value must be.</summary>
public enum ConditionFieldKind
{
    /// <summary>Free text (subject, description, text custom fields): compared without case or accents.</summary>
    Text,
    /// <summary>One of a known set of keys (status, type, channel...).</summary>
    Key,
    /// <summary>A key with an order (priority: low &lt; normal &lt; high &lt; urgent).</summary>
    OrderedKey,
    /// <summary>A reference by id (team, assignee, requester, organization); may be empty.</summary>
    Reference,
    /// <summary>A set of words (tags, multi-select fields).</summary>
    Set,
    Number,
    /// <summary>An instant; compared with "within the last N hours".</summary>
    Time,
    Boolean,
    /// <summary>A custom field, whose kind is known only from the value a ticket holds.</summary>
    Custom,
}
