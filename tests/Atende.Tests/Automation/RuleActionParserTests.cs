using System.Text.Json.Nodes;
using Atende.Agents;
using Atende.Automation;
using Atende.Tickets;

namespace Atende.Tests.Automation;

public sealed class RuleActionParserTests
{
    private static (IReadOnlyList<RuleAction> Actions, IReadOnlyDictionary<string, string[]> Errors) Parse(string json, IReadOnlyList<RuleAction>? previous = null)
    {
        var errors = new ValidationErrors();
        var actions = RuleActionParser.Parse(JsonNode.Parse(json), errors, s => "protected:" + s, previous);
        try
        {
            errors.ThrowIfAny();
            return (actions, new Dictionary<string, string[]>());
        }
        catch (InvalidRequestException e)
        {
            return (actions, e.Errors);
        }
    }

    [Theory]
    [InlineData("""[{"type":"fly"}]""", "actions[0].type")]
    [InlineData("""[{"type":"set","field":"colour","value":"red"}]""", "actions[0].field")]
    [InlineData("""[{"type":"set","field":"priority","value":"critical"}]""", "actions[0].value")]
    [InlineData("""[{"type":"set","field":"team","value":"3"}]""", "actions[0].value")]
    [InlineData("""[{"type":"addTag","value":"two words"}]""", "actions[0].value")]
    [InlineData("""[{"type":"assign","strategy":"random"}]""", "actions[0].strategy")]
    [InlineData("""[{"type":"note","body":""}]""", "actions[0].body")]
    [InlineData("""[{"type":"notify","to":"everyone"}]""", "actions[0].to")]
    [InlineData("""[{"type":"notify","to":"agent:x"}]""", "actions[0].to")]
    [InlineData("""[{"type":"email","template":"nope"}]""", "actions[0].template")]
    [InlineData("""[{"type":"addWatcher","agentId":0}]""", "actions[0].agentId")]
    [InlineData("""[{"type":"webhook","url":"ftp://example.test"}]""", "actions[0].url")]
    [InlineData("""[{"type":"escalate","extra":1}]""", "actions[0].extra")]
    [InlineData("""[{"type":"addTag","value":"ok"},{"type":"set","field":"status"}]""", "actions[1].value")]
    [InlineData("""[]""", "actions")]
    [InlineData("""{"type":"escalate"}""", "actions")]
    public void Errors_name_their_place(string json, string place) =>
        Assert.Contains(place, Parse(json).Errors.Keys);

    [Fact]
    public void Every_action_type_reads_and_writes_back_the_same_json()
    {
        const string json = """
            [{"type":"set","field":"team","value":3},{"type":"set","field":"assignee","value":null},{"type":"set","field":"fields.seats","value":12},
             {"type":"addTag","value":"VIP"},{"type":"removeTag","value":"old"},{"type":"assign","strategy":"leastOpen"},{"type":"note","body":"Check this"},
             {"type":"notify","to":"agent:7"},{"type":"email","template":"acknowledge"},{"type":"addWatcher","agentId":2},{"type":"escalate"}]
            """;
        var (actions, errors) = Parse(json);
        Assert.Empty(errors);
        Assert.Equal(11, actions.Count);
        Assert.Equal(new AssignAction(AssignmentStrategy.LeastOpen), actions[5]);
        Assert.Equal(new AddTagAction("vip"), actions[3]);
        var again = RuleActionParser.ParseStored(RuleActionParser.ToStoredJson(actions));
        Assert.Equal(RuleActionParser.ToJson(actions).ToJsonString(), RuleActionParser.ToJson(again).ToJsonString());
    }

    [Fact]
    public void A_webhook_secret_is_stored_protected_shown_as_hasSecret_and_kept_when_not_sent_again_for_the_same_url()
    {
        var (actions, _) = Parse("""[{"type":"webhook","url":"https://example.test/hook","secret":"abc"}]""");
        var hook = Assert.IsType<WebhookAction>(Assert.Single(actions));
        Assert.Equal("protected:abc", hook.ProtectedSecret);
        Assert.DoesNotContain("abc\"", RuleActionParser.ToJson(actions).ToJsonString(), StringComparison.Ordinal);
        Assert.True(RuleActionParser.ToJson(actions)[0]!["hasSecret"]!.GetValue<bool>());
        Assert.Equal("protected:abc", Assert.IsType<WebhookAction>(RuleActionParser.ParseStored(RuleActionParser.ToStoredJson(actions))[0]).ProtectedSecret);

        var kept = Assert.IsType<WebhookAction>(Parse("""[{"type":"webhook","url":"https://example.test/hook"}]""", actions).Actions[0]);
        Assert.Equal("protected:abc", kept.ProtectedSecret);
        var moved = Assert.IsType<WebhookAction>(Parse("""[{"type":"webhook","url":"https://other.test/hook"}]""", actions).Actions[0]);
        Assert.Null(moved.ProtectedSecret);
    }

    [Theory]
    [InlineData("""{"event":"ticket.created"}""", null)]
    [InlineData("""{"event":"ticket.updated","field":"priority"}""", null)]
    [InlineData("""{"event":"time.idle","hours":24}""", null)]
    [InlineData("""{"event":"time.pending","days":3}""", null)]
    [InlineData("""{"event":"sla.warning"}""", null)]
    [InlineData("""{"event":"sla.breached"}""", null)]
    [InlineData("""{"event":"ticket.deleted"}""", "trigger.event")]
    [InlineData("""{"event":"time.idle"}""", "trigger.hours")]
    [InlineData("""{"event":"time.idle","hours":0}""", "trigger.hours")]
    [InlineData("""{"event":"ticket.created","hours":2}""", "trigger.hours")]
    [InlineData("""{"event":"ticket.updated","field":"colour"}""", "trigger.field")]
    public void Triggers_are_checked(string json, string? place)
    {
        var errors = new ValidationErrors();
        RuleTrigger.Parse(JsonNode.Parse(json), errors);
        var exception = Record.Exception(errors.ThrowIfAny);
        if (place is null)
        {
            Assert.Null(exception);
        }
        else
        {
            Assert.Contains(place, Assert.IsType<InvalidRequestException>(exception).Errors.Keys);
        }
    }

    [Fact]
    public void An_updated_trigger_with_a_field_wants_only_changes_of_that_field_and_time_triggers_only_their_own_timer()
    {
        var trigger = new RuleTrigger(TicketEvents.Updated, "priority");
        Assert.True(trigger.Wants(new TicketEvent(TicketEvents.Updated, 1, null, null, ["status", "priority"], null, DateTime.UtcNow), 5));
        Assert.False(trigger.Wants(new TicketEvent(TicketEvents.Updated, 1, null, null, ["status"], null, DateTime.UtcNow), 5));
        Assert.False(trigger.Wants(new TicketEvent(TicketEvents.Created, 1, null, null, [], null, DateTime.UtcNow), 5));
        var idle = new RuleTrigger(TicketEvents.TimeIdle, null, 4);
        Assert.True(idle.Wants(new TicketEvent(TicketEvents.TimeIdle, 1, null, null, ["rule:5"], null, DateTime.UtcNow), 5));
        Assert.False(idle.Wants(new TicketEvent(TicketEvents.TimeIdle, 1, null, null, ["rule:6"], null, DateTime.UtcNow), 5));
    }
}
