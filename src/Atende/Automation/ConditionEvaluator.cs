using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Search;

namespace Atende.Automation;

/// <summary>
/// Decides whether a ticket matches a condition tree, and says why not when asked (the rule tester's
/// "would not fire, because ..."). Pure and allocation-light: every event runs every active rule through it.
/// </summary>
public static class ConditionEvaluator
{
    public static bool Matches(RuleCondition condition, TicketFacts facts, DateTime nowUtc) => condition switch
    {
        AllOf all => all.Conditions.All(c => Matches(c, facts, nowUtc)),
        AnyOf any => any.Conditions.Any(c => Matches(c, facts, nowUtc)),
        FieldCondition field => MatchesField(field, facts, nowUtc),
        _ => false,
    };

    /// <summary>The comparisons that keep the tree from matching, in words; empty when it matches.</summary>
    public static IReadOnlyList<string> Explain(RuleCondition condition, TicketFacts facts, DateTime nowUtc)
    {
        var reasons = new List<string>();
        Collect(condition, facts, nowUtc, reasons);
        return reasons;
    }

    private static void Collect(RuleCondition condition, TicketFacts facts, DateTime nowUtc, List<string> reasons)
    {
        switch (condition)
        {
            case AllOf all:
                foreach (var child in all.Conditions)
                {
                    Collect(child, facts, nowUtc, reasons);
                }
                break;
            case AnyOf any when !Matches(any, facts, nowUtc):
                var inner = new List<string>();
                foreach (var child in any.Conditions)
                {
                    Collect(child, facts, nowUtc, inner);
                }
                reasons.Add(any.Conditions.Count == 0 ? "an empty \"any\" group never holds" : "none of: " + string.Join("; ", inner));
                break;
            case FieldCondition field when !MatchesField(field, facts, nowUtc):
                reasons.Add($"{field.Field} {ConditionParser.Name(field.Operator)}{(field.Value is null ? "" : " " + field.Value.ToJsonString())}, but it is {Describe(Actual(field.Field, facts))}");
                break;
            default:
                break;
        }
    }

    private static bool MatchesField(FieldCondition condition, TicketFacts facts, DateTime nowUtc)
    {
        var actual = Actual(condition.Field, facts);
        var value = condition.Value;
        switch (condition.Operator)
        {
            case ConditionOperator.IsEmpty:
                return IsEmpty(actual);
            case ConditionOperator.IsNotEmpty:
                return !IsEmpty(actual);
            case ConditionOperator.IsAnyOf:
                return value is JsonArray anyOf && anyOf.Any(v => Equal(condition, actual, v, facts));
            case ConditionOperator.IsNoneOf:
                return value is JsonArray noneOf && !noneOf.Any(v => Equal(condition, actual, v, facts));
            case ConditionOperator.Is:
                return Equal(condition, actual, value, facts);
            case ConditionOperator.IsNot:
                return !Equal(condition, actual, value, facts);
            case ConditionOperator.Contains:
                return Contains(condition, actual, value, facts);
            case ConditionOperator.NotContains:
                return !Contains(condition, actual, value, facts);
            case ConditionOperator.StartsWith:
                return FoldedText(condition.Field, actual, facts) is { } starts && starts.StartsWith(value!.GetValue<string>(), StringComparison.Ordinal);
            case ConditionOperator.EndsWith:
                return FoldedText(condition.Field, actual, facts) is { } ends && ends.EndsWith(value!.GetValue<string>(), StringComparison.Ordinal);
            case ConditionOperator.GreaterThan:
                return Compare(condition, actual, value) is > 0;
            case ConditionOperator.LessThan:
                return Compare(condition, actual, value) is < 0;
            case ConditionOperator.WithinLast:
                return actual is DateTime recent && recent >= nowUtc.AddHours(-value!.GetValue<double>());
            case ConditionOperator.NotWithinLast:
                return actual is DateTime old && old < nowUtc.AddHours(-value!.GetValue<double>());
            default:
                return false;
        }
    }

    /// <summary>The ticket's value of a field: string, int, DateTime, bool, a string set, or a custom field's JSON.</summary>
    private static object? Actual(string field, TicketFacts facts) => field switch
    {
        "status" => facts.Status,
        "statusCategory" => JsonNamingPolicy.CamelCase.ConvertName(facts.StatusCategory.ToString()),
        "priority" => JsonNamingPolicy.CamelCase.ConvertName(facts.Priority.ToString()),
        "type" => facts.Type,
        "channel" => JsonNamingPolicy.CamelCase.ConvertName(facts.Channel.ToString()),
        "team" => facts.TeamId,
        "assignee" => facts.AssigneeId,
        "requester" => facts.RequesterId,
        "organization" => facts.OrganizationId,
        "tags" => facts.Tags,
        "subject" => facts.Subject,
        "description" => facts.Description,
        "createdAt" => facts.CreatedAt,
        "updatedAt" => facts.UpdatedAt,
        "businessHours" => facts.InBusinessHours,
        _ when field.StartsWith(ConditionFields.CustomPrefix, StringComparison.Ordinal) =>
            facts.Fields[field[ConditionFields.CustomPrefix.Length..]] is { } node ? Unwrap(node) : null,
        _ => null,
    };

    /// <summary>A custom field's JSON as the same plain values the built-in fields use.</summary>
    private static object? Unwrap(JsonNode node) => node switch
    {
        JsonArray list => list.Select(i => i is null ? "" : i.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : i.ToJsonString()).ToArray(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => null,
    };

    private static bool IsEmpty(object? actual) => actual switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        IReadOnlyCollection<string> set => set.Count == 0,
        _ => false,
    };

    private static bool Equal(FieldCondition condition, object? actual, JsonNode? expected, TicketFacts facts)
    {
        if (expected is null)
        {
            return false;
        }
        switch (actual)
        {
            case int id:
                return expected.GetValueKind() == JsonValueKind.Number && expected.AsValue().TryGetValue<int>(out var want) && want == id;
            case bool flag:
                return expected.GetValueKind() is JsonValueKind.True or JsonValueKind.False && expected.GetValue<bool>() == flag;
            case decimal number:
                return expected.GetValueKind() == JsonValueKind.Number && expected.GetValue<decimal>() == number;
            case IReadOnlyCollection<string> set:
                // "tags is any of [a, b]" means the ticket carries one of them.
                return expected.GetValueKind() == JsonValueKind.String && set.Any(item => SearchText.Fold(item) == expected.GetValue<string>());
            case string text when condition.Kind is ConditionFieldKind.Text or ConditionFieldKind.Custom:
                return expected.GetValueKind() == JsonValueKind.String && facts.Folded(condition.Field, text) == expected.GetValue<string>();
            case string key:
                return expected.GetValueKind() == JsonValueKind.String && string.Equals(key, expected.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    private static bool Contains(FieldCondition condition, object? actual, JsonNode? expected, TicketFacts facts)
    {
        if (expected is null || expected.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }
        var wanted = expected.GetValue<string>();
        return actual switch
        {
            IReadOnlyCollection<string> set => set.Any(item => SearchText.Fold(item) == wanted),
            string text => facts.Folded(condition.Field, text).Contains(wanted, StringComparison.Ordinal),
            _ => false,
        };
    }

    private static string? FoldedText(string field, object? actual, TicketFacts facts) =>
        actual is string text ? facts.Folded(field, text) : null;

    /// <summary>Sign of actual − expected, or null when they cannot be compared (so neither "greater" nor "less" holds).</summary>
    private static int? Compare(FieldCondition condition, object? actual, JsonNode? expected)
    {
        if (expected is null)
        {
            return null;
        }
        switch (actual)
        {
            case string key when condition.Kind == ConditionFieldKind.OrderedKey && ConditionFields.KeyValues.TryGetValue(condition.Field, out var order):
                var have = Array.IndexOf(order, key);
                var want = expected.GetValueKind() == JsonValueKind.String ? Array.IndexOf(order, expected.GetValue<string>()) : -1;
                return have < 0 || want < 0 ? null : have.CompareTo(want);
            case decimal number when expected.GetValueKind() == JsonValueKind.Number:
                return number.CompareTo(expected.GetValue<decimal>());
            case DateTime instant:
                var other = expected is JsonValue v && v.TryGetValue<DateTime>(out var stored) ? stored : ConditionParser.Instant(expected);
                return other is null ? null : instant.CompareTo(other.Value);
            case string text when condition.Kind == ConditionFieldKind.Custom && ConditionParser.Instant(JsonValue.Create(text)) is { } date:
                var limit = ConditionParser.Instant(expected);
                return limit is null ? null : date.CompareTo(limit.Value);
            default:
                return null;
        }
    }

    private static string Describe(object? actual) => actual switch
    {
        null => "empty",
        string s when s.Length == 0 => "empty",
        string s => $"\"{(s.Length > 60 ? s[..60] + "…" : s)}\"",
        IReadOnlyCollection<string> set => set.Count == 0 ? "empty" : "[" + string.Join(", ", set) + "]",
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => actual.ToString() ?? "",
    };
}
