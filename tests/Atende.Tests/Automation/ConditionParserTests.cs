using System.Text.Json.Nodes;
using Atende.Automation;

namespace Atende.Tests.Automation;

public sealed class ConditionParserTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(string json)
    {
        var errors = new ValidationErrors();
        ConditionParser.Parse(JsonNode.Parse(json), errors);
        try
        {
            errors.ThrowIfAny();
            return new Dictionary<string, string[]>();
        }
        catch (InvalidRequestException e)
        {
            return e.Errors;
        }
    }

    [Theory]
    [InlineData("""{"field":"colour","operator":"is","value":"red"}""", "conditions.field")]
    [InlineData("""{"field":"fields.","operator":"is","value":"x"}""", "conditions.field")]
    [InlineData("""{"field":"priority","operator":"contains","value":"hi"}""", "conditions.operator")]
    [InlineData("""{"field":"priority","operator":"is","value":"critical"}""", "conditions.value")]
    [InlineData("""{"field":"priority","operator":"is"}""", "conditions.value")]
    [InlineData("""{"field":"team","operator":"is","value":"3"}""", "conditions.value")]
    [InlineData("""{"field":"team","operator":"is","value":-3}""", "conditions.value")]
    [InlineData("""{"field":"team","operator":"isAnyOf","value":[]}""", "conditions.value")]
    [InlineData("""{"field":"team","operator":"isAnyOf","value":[1,"x"]}""", "conditions.value[1]")]
    [InlineData("""{"field":"assignee","operator":"isEmpty","value":3}""", "conditions.value")]
    [InlineData("""{"field":"createdAt","operator":"withinLast","value":0}""", "conditions.value")]
    [InlineData("""{"field":"createdAt","operator":"greaterThan","value":"yesterday"}""", "conditions.value")]
    [InlineData("""{"field":"businessHours","operator":"is","value":"yes"}""", "conditions.value")]
    [InlineData("""{"field":"subject","operator":"greaterThan","value":"a"}""", "conditions.operator")]
    [InlineData("""{"field":"subject","operator":"contains","value":12}""", "conditions.value")]
    [InlineData("""{"field":"fields.seats","operator":"greaterThan","value":"many"}""", "conditions.value")]
    [InlineData("""{"field":"fields.seats","operator":"is","value":{"a":1}}""", "conditions.value")]
    [InlineData("""{"field":"subject","operator":"is","value":"x","extra":1}""", "conditions.extra")]
    [InlineData("""{"all":[],"any":[]}""", "conditions")]
    [InlineData("""{"all":{}}""", "conditions.all")]
    [InlineData("""{"all":[null]}""", "conditions.all[0]")]
    [InlineData("""{"all":[{"any":[{"field":"tags","operator":"is","value":"vpn"}]}]}""", "conditions.all[0].any[0].operator")]
    [InlineData("[]", "conditions")]
    public void What_could_never_be_evaluated_is_refused_with_its_place(string json, string key) =>
        Assert.Contains(key, Errors(json).Keys);

    [Fact]
    public void Groups_nest_only_so_deep_and_hold_only_so_many_comparisons()
    {
        var deep = """{"field":"priority","operator":"is","value":"high"}""";
        for (var i = 0; i < ConditionParser.MaxDepth + 1; i++)
        {
            deep = $$"""{"all":[{{deep}}]}""";
        }
        Assert.NotEmpty(Errors(deep));
        var many = string.Join(",", Enumerable.Repeat("""{"field":"priority","operator":"is","value":"high"}""", ConditionParser.MaxComparisons + 1));
        Assert.Contains("conditions.all[50]", Errors($$"""{"all":[{{many}}]}""").Keys);
    }

    [Fact]
    public void A_valid_tree_parses_into_groups_and_comparisons_with_text_folded()
    {
        var errors = new ValidationErrors();
        var tree = ConditionParser.Parse(JsonNode.Parse("""
            {"all":[{"field":"subject","operator":"contains","value":"Configuração"},{"any":[{"field":"team","operator":"is","value":3}]}]}
            """), errors);
        Assert.False(errors.Any);
        var all = Assert.IsType<AllOf>(tree);
        var subject = Assert.IsType<FieldCondition>(all.Conditions[0]);
        Assert.Equal("configuracao", subject.Value!.GetValue<string>());
        Assert.Equal(ConditionFieldKind.Text, subject.Kind);
        Assert.IsType<AnyOf>(all.Conditions[1]);
    }
}
