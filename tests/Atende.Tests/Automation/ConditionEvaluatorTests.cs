using System.Text.Json.Nodes;
using Atende.Automation;
using Atende.Catalog;
using Atende.Tickets;

namespace Atende.Tests.Automation;

public sealed class ConditionEvaluatorTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc);

    private static TicketFacts Ticket(Action<FactsBuilder>? change = null)
    {
        var b = new FactsBuilder();
        change?.Invoke(b);
        return new TicketFacts
        {
            Status = b.Status, StatusCategory = b.Category, Priority = b.Priority, Type = "incident", Channel = Channel.Email,
            TeamId = b.TeamId, AssigneeId = b.AssigneeId, RequesterId = 12, OrganizationId = 4, Tags = b.Tags,
            Fields = (JsonObject)JsonNode.Parse(b.Fields)!, Subject = b.Subject, Description = "A VPN cai toda hora desde segunda.",
            CreatedAt = Now.AddHours(-30), UpdatedAt = Now.AddHours(-2), InBusinessHours = b.InBusinessHours,
        };
    }

    private sealed class FactsBuilder
    {
        public string Status { get; set; } = "in_progress";
        public StatusCategory Category { get; set; } = StatusCategory.Open;
        public Priority Priority { get; set; } = Priority.High;
        public int? TeamId { get; set; } = 3;
        public int? AssigneeId { get; set; }
        public string[] Tags { get; set; } = ["vpn", "Urgente"];
        public string Fields { get; set; } = """{"seats": 12, "system": "SAP ERP", "modules": ["FI", "MM"], "startDate": "2026-12-01", "vip": true}""";
        public string Subject { get; set; } = "Configuração da VPN não funciona";
        public bool? InBusinessHours { get; set; } = true;
    }

    private static RuleCondition Parse(string json)
    {
        var errors = new ValidationErrors();
        var condition = ConditionParser.Parse(JsonNode.Parse(json), errors);
        errors.ThrowIfAny();
        return condition;
    }

    private static bool Holds(string json, TicketFacts? facts = null) => ConditionEvaluator.Matches(Parse(json), facts ?? Ticket(), Now);

    [Theory]
    [InlineData("""{"field":"priority","operator":"is","value":"high"}""", true)]
    [InlineData("""{"field":"priority","operator":"isNot","value":"high"}""", false)]
    [InlineData("""{"field":"priority","operator":"greaterThan","value":"normal"}""", true)]
    [InlineData("""{"field":"priority","operator":"greaterThan","value":"high"}""", false)]
    [InlineData("""{"field":"priority","operator":"lessThan","value":"urgent"}""", true)]
    [InlineData("""{"field":"priority","operator":"isAnyOf","value":["urgent","high"]}""", true)]
    [InlineData("""{"field":"priority","operator":"isNoneOf","value":["urgent","high"]}""", false)]
    [InlineData("""{"field":"statusCategory","operator":"is","value":"open"}""", true)]
    [InlineData("""{"field":"status","operator":"is","value":"IN_PROGRESS"}""", true)]
    [InlineData("""{"field":"type","operator":"isAnyOf","value":["question","incident"]}""", true)]
    [InlineData("""{"field":"channel","operator":"is","value":"email"}""", true)]
    [InlineData("""{"field":"channel","operator":"is","value":"portal"}""", false)]
    public void Keys_compare_by_value_and_priority_by_rank(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Theory]
    [InlineData("""{"field":"team","operator":"is","value":3}""", true)]
    [InlineData("""{"field":"team","operator":"isNot","value":3}""", false)]
    [InlineData("""{"field":"organization","operator":"isAnyOf","value":[1,4]}""", true)]
    [InlineData("""{"field":"requester","operator":"isNoneOf","value":[12]}""", false)]
    [InlineData("""{"field":"assignee","operator":"isEmpty"}""", true)]
    [InlineData("""{"field":"assignee","operator":"isNotEmpty"}""", false)]
    [InlineData("""{"field":"assignee","operator":"is","value":7}""", false)]
    public void References_compare_ids_and_may_be_empty(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Theory]
    [InlineData("""{"field":"tags","operator":"contains","value":"vpn"}""", true)]
    [InlineData("""{"field":"tags","operator":"contains","value":"URGENTE"}""", true)]
    [InlineData("""{"field":"tags","operator":"notContains","value":"vip"}""", true)]
    [InlineData("""{"field":"tags","operator":"isAnyOf","value":["vip","vpn"]}""", true)]
    [InlineData("""{"field":"tags","operator":"isNoneOf","value":["vip","billing"]}""", true)]
    [InlineData("""{"field":"tags","operator":"isEmpty"}""", false)]
    public void Tags_are_a_set_matched_without_case(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Theory]
    [InlineData("""{"field":"subject","operator":"contains","value":"configuracao"}""", true)]
    [InlineData("""{"field":"subject","operator":"contains","value":"VPN"}""", true)]
    [InlineData("""{"field":"subject","operator":"notContains","value":"impressora"}""", true)]
    [InlineData("""{"field":"subject","operator":"startsWith","value":"Configuração"}""", true)]
    [InlineData("""{"field":"subject","operator":"endsWith","value":"nao funciona"}""", true)]
    [InlineData("""{"field":"subject","operator":"is","value":"configuração da vpn não funciona"}""", true)]
    [InlineData("""{"field":"subject","operator":"isEmpty"}""", false)]
    [InlineData("""{"field":"description","operator":"contains","value":"toda hora"}""", true)]
    public void Text_is_compared_without_case_or_accents(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Theory]
    [InlineData("""{"field":"createdAt","operator":"withinLast","value":48}""", true)]
    [InlineData("""{"field":"createdAt","operator":"withinLast","value":24}""", false)]
    [InlineData("""{"field":"updatedAt","operator":"notWithinLast","value":1}""", true)]
    [InlineData("""{"field":"createdAt","operator":"greaterThan","value":"2026-11-23T00:00:00Z"}""", true)]
    [InlineData("""{"field":"createdAt","operator":"lessThan","value":"2026-11-23T00:00:00Z"}""", false)]
    [InlineData("""{"field":"businessHours","operator":"is","value":true}""", true)]
    public void Times_compare_with_now_or_an_instant(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Theory]
    [InlineData("""{"field":"fields.seats","operator":"greaterThan","value":10}""", true)]
    [InlineData("""{"field":"fields.seats","operator":"lessThan","value":10}""", false)]
    [InlineData("""{"field":"fields.seats","operator":"is","value":12}""", true)]
    [InlineData("""{"field":"fields.system","operator":"is","value":"sap erp"}""", true)]
    [InlineData("""{"field":"fields.system","operator":"contains","value":"SAP"}""", true)]
    [InlineData("""{"field":"fields.modules","operator":"contains","value":"fi"}""", true)]
    [InlineData("""{"field":"fields.modules","operator":"isAnyOf","value":["SD","MM"]}""", true)]
    [InlineData("""{"field":"fields.startDate","operator":"greaterThan","value":"2026-11-30"}""", true)]
    [InlineData("""{"field":"fields.vip","operator":"is","value":true}""", true)]
    [InlineData("""{"field":"fields.missing","operator":"isEmpty"}""", true)]
    [InlineData("""{"field":"fields.missing","operator":"greaterThan","value":1}""", false)]
    [InlineData("""{"field":"fields.missing","operator":"lessThan","value":1}""", false)]
    public void Custom_fields_compare_by_the_kind_of_value_they_hold(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Fact]
    public void Groups_combine_with_and_and_or()
    {
        const string rule = """
            { "all": [ { "field": "priority", "operator": "is", "value": "high" },
                       { "any": [ { "field": "organization", "operator": "is", "value": 9 },
                                  { "field": "tags", "operator": "contains", "value": "vpn" } ] } ] }
            """;
        Assert.True(Holds(rule));
        Assert.False(Holds(rule, Ticket(t => t.Tags = [])));
        Assert.False(Holds(rule, Ticket(t => t.Priority = Priority.Normal)));
        Assert.True(Holds("""{"all":[]}"""));
        Assert.False(Holds("""{"any":[]}"""));
        Assert.True(ConditionEvaluator.Matches(ConditionParser.Parse(null, new ValidationErrors()), Ticket(), Now));
    }

    [Fact]
    public void Explain_names_each_comparison_that_fails()
    {
        var rule = Parse("""
            { "all": [ { "field": "priority", "operator": "is", "value": "urgent" },
                       { "field": "team", "operator": "is", "value": 3 },
                       { "any": [ { "field": "channel", "operator": "is", "value": "portal" }, { "field": "tags", "operator": "contains", "value": "vip" } ] } ] }
            """);
        var reasons = ConditionEvaluator.Explain(rule, Ticket(), Now);
        Assert.Equal(2, reasons.Count);
        Assert.Equal("priority is \"urgent\", but it is \"high\"", reasons[0]);
        Assert.StartsWith("none of: channel is \"portal\", but it is \"email\"; tags contains \"vip\", but it is [vpn, Urgente]", reasons[1]);
        Assert.Empty(ConditionEvaluator.Explain(Parse("""{"field":"team","operator":"is","value":3}"""), Ticket(), Now));
    }
}
