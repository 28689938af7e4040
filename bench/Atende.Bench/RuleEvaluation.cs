using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Atende.Automation;
using Atende.Catalog;
using Atende.Tickets;

namespace Atende.Bench;

/// <summary>
/// `rules`: the in-process cost of evaluating 50 active rules' conditions against one ticket event (issue 5's
/// target: under 1 ms median). Mixed conditions — keys, ids, tags, accent-insensitive text, custom fields, groups.
/// </summary>
public static class RuleEvaluation
{
    /// <summary>Condition shapes a real desk writes; `outbox` uses them too, so both benches measure the same rules.</summary>
    internal static readonly string[] Shapes =
    [
        """{"all":[{"field":"priority","operator":"is","value":"urgent"},{"any":[{"field":"organization","operator":"is","value":4},{"field":"tags","operator":"contains","value":"vip"}]}]}""",
        """{"all":[{"field":"subject","operator":"contains","value":"não funciona"},{"field":"channel","operator":"isAnyOf","value":["email","portal"]}]}""",
        """{"field":"fields.seats","operator":"greaterThan","value":10}""",
        """{"all":[{"field":"statusCategory","operator":"isNoneOf","value":["resolved","closed"]},{"field":"updatedAt","operator":"notWithinLast","value":24}]}""",
        """{"any":[{"field":"description","operator":"contains","value":"urgente"},{"field":"priority","operator":"greaterThan","value":"normal"},{"field":"assignee","operator":"isEmpty"}]}""",
    ];

    public static int Execute(TextWriter output)
    {
        var rules = Enumerable.Range(0, 50).Select(i =>
        {
            var errors = new ValidationErrors();
            var rule = ConditionParser.Parse(JsonNode.Parse(Shapes[i % Shapes.Length]), errors);
            errors.ThrowIfAny();
            return rule;
        }).ToArray();
        var now = DateTime.UtcNow;
        TicketFacts Facts() => new()
        {
            Status = "in_progress", StatusCategory = StatusCategory.Open, Priority = Priority.High, Type = "incident", Channel = Channel.Email,
            TeamId = 3, RequesterId = 12, OrganizationId = 4, Tags = ["vpn", "filial"],
            Fields = (JsonObject)JsonNode.Parse("""{"seats": 12, "system": "SAP ERP"}""")!,
            Subject = "Configuração da VPN não funciona na filial de Curitiba",
            Description = "Desde segunda-feira a VPN cai a cada dez minutos; preciso disso para o fechamento. É urgente.",
            CreatedAt = now.AddHours(-30), UpdatedAt = now.AddHours(-26),
        };

        const int events = 20_000;
        var timings = new double[events];
        var fired = 0;
        for (var e = 0; e < events; e++)
        {
            // A fresh snapshot per event, as the rule engine builds one per outbox message.
            var start = Stopwatch.GetTimestamp();
            var facts = Facts();
            foreach (var rule in rules)
            {
                if (ConditionEvaluator.Matches(rule, facts, now))
                {
                    fired++;
                }
            }
            timings[e] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(timings);
        double At(double q) => timings[(int)(q * (events - 1))];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rules: 50 rules per event, {events:N0} events — median {At(0.5) * 1000:F1} µs, p95 {At(0.95) * 1000:F1} µs, p99 {At(0.99) * 1000:F1} µs ({fired / events} of 50 fire per event)"));
        return 0;
    }
}
