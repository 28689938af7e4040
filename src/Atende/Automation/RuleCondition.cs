using System.Text.Json.Nodes;

namespace Atende.Automation;

/// <summary>
/// What a ticket must look like for a rule (or an SLA policy) to apply: a tree of AND / OR groups over field
/// comparisons. JSON: <c>{ "all": [ ... ] }</c>, <c>{ "any": [ ... ] }</c> or
/// <c>{ "field": "priority", "operator": "is", "value": "urgent" }</c>. Read it with <see cref="ParseConditions"/>.
/// </summary>
public abstract record RuleCondition;

/// <summary>Every child must hold (an empty group always holds: a rule without conditions fires on every event).</summary>
public sealed record AllOf(IReadOnlyList<RuleCondition> Conditions) : RuleCondition;

/// <summary>At least one child must hold (an empty group never holds).</summary>
public sealed record AnyOf(IReadOnlyList<RuleCondition> Conditions) : RuleCondition;

/// <summary>One comparison. <see cref="Value"/> was checked against the field's kind and the operator when parsed.</summary>
public sealed record FieldCondition(string Field, ConditionFieldKind Kind, ConditionOperator Operator, JsonNode? Value) : RuleCondition;

public static class RuleConditions
{
    /// <summary>Whether a comparison anywhere in the tree looks at <paramref name="field"/> (costly facts are read only then).</summary>
    public static bool Mentions(this RuleCondition condition, string field) => condition switch
    {
        FieldCondition comparison => comparison.Field == field,
        AllOf all => all.Conditions.Any(c => c.Mentions(field)),
        AnyOf any => any.Conditions.Any(c => c.Mentions(field)),
        _ => false,
    };
}
