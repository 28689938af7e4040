using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Automation;

namespace Atende.Web.Components.Admin.Sla;

/// <summary>
/// One "field · operator · value" line of the policy condition editor, and the conversion to and from the API's
/// condition JSON. The value is edited as text (lists comma-separated) and typed by the field's kind when saved, so
/// the server's ConditionParser still has the last word and places its errors.
/// </summary>
public sealed class ConditionRow
{
    public string Field { get; set; } = "organization";
    public ConditionOperator Operator { get; set; } = ConditionOperator.Is;
    public string? Value { get; set; }

    public ConditionFieldKind Kind => ConditionFields.KindOf(Field) ?? ConditionFieldKind.Custom;

    public IReadOnlyList<ConditionOperator> Operators => ConditionFields.OperatorsFor(Kind);

    public bool TakesValue => Operator is not (ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty);

    public bool TakesList => Operator is ConditionOperator.IsAnyOf or ConditionOperator.IsNoneOf;

    /// <summary>A new field may not allow the operator chosen before; fall back to its first one.</summary>
    public void ChangeField(string field)
    {
        Field = field;
        if (!Operators.Contains(Operator))
        {
            Operator = Operators[0];
        }
    }

    public JsonObject ToJson()
    {
        var node = new JsonObject { ["field"] = Field, ["operator"] = ConditionParser.Name(Operator) };
        if (TakesValue)
        {
            node["value"] = TakesList
                ? new JsonArray((Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Scalar).ToArray())
                : Scalar(Value?.Trim() ?? "");
        }
        return node;
    }

    private JsonNode? Scalar(string text) => Kind switch
    {
        ConditionFieldKind.Reference when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => JsonValue.Create(id),
        ConditionFieldKind.Boolean when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
        ConditionFieldKind.Time when Operator is ConditionOperator.WithinLast or ConditionOperator.NotWithinLast
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) => JsonValue.Create(hours),
        ConditionFieldKind.Custom or ConditionFieldKind.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(text),
    };

    /// <summary>
    /// Reads a stored tree: the top group's plain comparisons become rows; nested groups, which this editor does not
    /// draw, are kept as they are and saved back untouched.
    /// </summary>
    public static (bool MatchAll, List<ConditionRow> Rows, List<JsonNode> Kept) Read(JsonNode? conditions)
    {
        var rows = new List<ConditionRow>();
        var kept = new List<JsonNode>();
        var matchAll = true;
        if (conditions is JsonObject group && (group["all"] ?? group["any"]) is JsonArray items)
        {
            matchAll = group.ContainsKey("all");
            foreach (var item in items)
            {
                if (item is JsonObject leaf && leaf["field"] is JsonValue field && leaf["operator"] is JsonValue op
                    && Enum.GetValues<ConditionOperator>().Cast<ConditionOperator?>().FirstOrDefault(o => ConditionParser.Name(o!.Value) == op.GetValue<string>()) is { } parsed)
                {
                    rows.Add(new ConditionRow { Field = field.GetValue<string>(), Operator = parsed, Value = Text(leaf["value"]) });
                }
                else if (item is not null)
                {
                    kept.Add(item.DeepClone());
                }
            }
        }
        else if (conditions is JsonObject single && single.ContainsKey("field"))
        {
            return Read(new JsonObject { ["all"] = new JsonArray(single.DeepClone()) });
        }
        return (matchAll, rows, kept);
    }

    public static JsonObject Write(bool matchAll, IEnumerable<ConditionRow> rows, IEnumerable<JsonNode> kept) =>
        new() { [matchAll ? "all" : "any"] = new JsonArray(rows.Select(r => (JsonNode)r.ToJson()).Concat(kept.Select(k => k.DeepClone())).ToArray()) };

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonArray list => string.Join(", ", list.Select(Text)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
