using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Search;

namespace Atende.Automation;

/// <summary>
/// Reads a condition tree from the API's JSON and refuses what could never be evaluated: unknown fields, operators
/// that do not fit the field's kind, values of the wrong type. Errors name their place, e.g.
/// <c>conditions.all[1].any[0].value</c>.
/// </summary>
public static class ConditionParser
{
    public const int MaxDepth = 5;
    public const int MaxComparisons = 50;
    public const int MaxListValues = 100;
    public const int MaxTextLength = 500;

    public static RuleCondition Parse(JsonNode? node, ValidationErrors errors, string path = "conditions")
    {
        var count = 0;
        // No conditions at all: the rule applies to every ticket.
        return node is null ? new AllOf([]) : ParseNode(node, errors, path, 1, ref count);
    }

    private static RuleCondition ParseNode(JsonNode node, ValidationErrors errors, string path, int depth, ref int count)
    {
        if (node is not JsonObject obj)
        {
            errors.Add(path, "must be an object: { \"all\": [...] }, { \"any\": [...] } or { \"field\", \"operator\", \"value\" }.");
            return new AllOf([]);
        }
        var isAll = obj.ContainsKey("all");
        var isAny = obj.ContainsKey("any");
        if (isAll || isAny)
        {
            var key = isAll ? "all" : "any";
            if ((isAll && isAny) || obj.Count != 1)
            {
                errors.Add(path, "a group has exactly one key: \"all\" or \"any\".");
                return new AllOf([]);
            }
            if (depth > MaxDepth)
            {
                errors.Add(path, $"groups may be nested at most {MaxDepth} deep.");
                return new AllOf([]);
            }
            if (obj[key] is not JsonArray items)
            {
                errors.Add($"{path}.{key}", "must be a list of conditions.");
                return new AllOf([]);
            }
            var children = new List<RuleCondition>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not { } item)
                {
                    errors.Add($"{path}.{key}[{i}]", "must not be null.");
                    continue;
                }
                children.Add(ParseNode(item, errors, $"{path}.{key}[{i}]", depth + 1, ref count));
            }
            return isAll ? new AllOf(children) : new AnyOf(children);
        }

        if (++count > MaxComparisons)
        {
            if (count == MaxComparisons + 1)
            {
                errors.Add(path, $"a rule may hold at most {MaxComparisons} comparisons.");
            }
            return new AllOf([]);
        }
        foreach (var (name, _) in obj)
        {
            if (name is not ("field" or "operator" or "value"))
            {
                errors.Add($"{path}.{name}", "is not part of a condition (field, operator, value).");
            }
        }
        var field = Text(obj["field"]);
        var kind = field is null ? null : ConditionFields.KindOf(field);
        if (kind is null)
        {
            errors.Add($"{path}.field", $"must be one of: {string.Join(", ", ConditionFields.Known.Keys)}, or fields.<key> for a custom field.");
            return new AllOf([]);
        }
        var operatorName = Text(obj["operator"]);
        var op = ParseOperator(operatorName);
        if (op is null || !ConditionFields.OperatorsFor(kind.Value).Contains(op.Value))
        {
            var allowed = ConditionFields.OperatorsFor(kind.Value).Select(Name);
            errors.Add($"{path}.operator", $"for '{field}' must be one of: {string.Join(", ", allowed)}.");
            return new AllOf([]);
        }
        var value = obj["value"]?.DeepClone();
        CheckValue(field!, kind.Value, op.Value, value, errors, $"{path}.value");
        return new FieldCondition(field!, kind.Value, op.Value, Normalize(kind.Value, op.Value, value));
    }

    private static void CheckValue(string field, ConditionFieldKind kind, ConditionOperator op, JsonNode? value, ValidationErrors errors, string path)
    {
        if (op is ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty)
        {
            if (value is not null)
            {
                errors.Add(path, $"'{Name(op)}' takes no value.");
            }
            return;
        }
        if (value is null)
        {
            errors.Add(path, "is required.");
            return;
        }
        if (op is ConditionOperator.IsAnyOf or ConditionOperator.IsNoneOf)
        {
            if (value is not JsonArray list || list.Count is 0 or > MaxListValues)
            {
                errors.Add(path, $"must be a list of 1 to {MaxListValues} values.");
                return;
            }
            for (var i = 0; i < list.Count; i++)
            {
                CheckScalar(field, kind, list[i], errors, $"{path}[{i}]");
            }
            return;
        }
        switch (kind)
        {
            case ConditionFieldKind.Time when op is ConditionOperator.WithinLast or ConditionOperator.NotWithinLast:
                if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<double>(out var hours) || hours <= 0 || hours > 24 * 3660)
                {
                    errors.Add(path, "must be a number of hours greater than 0.");
                }
                return;
            case ConditionFieldKind.Time:
                if (Instant(value) is null)
                {
                    errors.Add(path, "must be a UTC date and time in ISO 8601 (2026-11-24T13:05:00Z).");
                }
                return;
            case ConditionFieldKind.Boolean:
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(path, "must be true or false.");
                }
                return;
            case ConditionFieldKind.Custom when op is ConditionOperator.GreaterThan or ConditionOperator.LessThan:
                if (value.GetValueKind() != JsonValueKind.Number && Instant(value) is null)
                {
                    errors.Add(path, "must be a number or a date.");
                }
                return;
            case ConditionFieldKind.Custom when op is ConditionOperator.Contains or ConditionOperator.NotContains or ConditionOperator.StartsWith or ConditionOperator.EndsWith:
                if (Text(value) is null)
                {
                    errors.Add(path, "must be text.");
                }
                return;
            default:
                CheckScalar(field, kind, value, errors, path);
                return;
        }
    }

    private static void CheckScalar(string field, ConditionFieldKind kind, JsonNode? value, ValidationErrors errors, string path)
    {
        switch (kind)
        {
            case ConditionFieldKind.Reference:
                if (value is null || value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<int>(out var id) || id <= 0)
                {
                    errors.Add(path, "must be an id (a positive whole number).");
                }
                break;
            case ConditionFieldKind.Key or ConditionFieldKind.OrderedKey:
                var key = Text(value);
                if (key is null)
                {
                    errors.Add(path, "must be a key (text).");
                }
                else if (ConditionFields.KeyValues.TryGetValue(field, out var allowed) && !allowed.Contains(key))
                {
                    errors.Add(path, $"must be one of: {string.Join(", ", allowed)}.");
                }
                break;
            case ConditionFieldKind.Custom:
                if (value is null || value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(path, "must be text, a number, true or false.");
                }
                else if (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > MaxTextLength)
                {
                    errors.Add(path, $"must be at most {MaxTextLength} characters.");
                }
                break;
            default:
                var text = Text(value);
                if (text is null)
                {
                    errors.Add(path, "must be text.");
                }
                else if (text.Length > MaxTextLength)
                {
                    errors.Add(path, $"must be at most {MaxTextLength} characters.");
                }
                break;
        }
    }

    /// <summary>Text values are stored folded (no case, no accents) so evaluation compares like with like at no cost.</summary>
    private static JsonNode? Normalize(ConditionFieldKind kind, ConditionOperator op, JsonNode? value)
    {
        if (kind is ConditionFieldKind.Text or ConditionFieldKind.Set or ConditionFieldKind.Custom)
        {
            return value switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(SearchText.Fold(v.GetValue<string>())),
                JsonArray list => new JsonArray(list.Select(item => Normalize(kind, op, item)).ToArray()),
                _ => value,
            };
        }
        if (kind is ConditionFieldKind.Time && op is ConditionOperator.GreaterThan or ConditionOperator.LessThan && Instant(value) is { } instant)
        {
            return JsonValue.Create(instant);
        }
        return value;
    }

    internal static DateTime? Instant(JsonNode? value) =>
        Text(value) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant)
            ? DateTime.SpecifyKind(instant, DateTimeKind.Utc)
            : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static ConditionOperator? ParseOperator(string? name) =>
        name is null ? null : Enum.GetValues<ConditionOperator>().Cast<ConditionOperator?>().FirstOrDefault(o => Name(o!.Value) == name);

    /// <summary>The operator as written in JSON (camelCase).</summary>
    public static string Name(ConditionOperator op) => JsonNamingPolicy.CamelCase.ConvertName(op.ToString());
}
