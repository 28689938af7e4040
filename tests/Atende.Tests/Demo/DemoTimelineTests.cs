using Atende.Accounts;
using Atende.Agents;
using Atende.Catalog;
using Atende.Demo;
using Atende.Tickets;

namespace Atende.Tests.Demo;

public sealed class DemoTimelineTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 14, 30, 0, DateTimeKind.Utc);

    private static readonly string[] DefaultTypes = ["incident", "service_request", "question"];

    private static DemoCast Cast()
    {
        var customers = new List<DemoCustomer>();
        var id = 0;
        foreach (var (name, language, organization) in new[]
                 {
                     ("Ana Souza", DemoPhrases.Portuguese, "Construtora"), ("João Lima", DemoPhrases.Portuguese, "Construtora"),
                     ("Emily Carter", DemoPhrases.English, "Harborline"), ("Ryan Patel", DemoPhrases.English, "Bright Path"),
                     ("Fernanda Gomes", DemoPhrases.Portuguese, "Vale Verde"), ("Nathan Reed", DemoPhrases.English, "Lumen"),
                     ("Megan Walsh", DemoPhrases.English, null),
                 })
        {
            id++;
            var email = DemoTimeline.EmailLocalPart(name) + "@client.example";
            customers.Add(new DemoCustomer(id, email, name, language, organization, 1 + id % 3,
                new Caller(null, null, id, null, [], organization is null ? null : id, false, name)));
        }
        var agentId = 0;
        DemoAgent Agent(string name, int teamId) =>
            new(++agentId, name, new Caller(100 + agentId, agentId, null, AgentRole.Agent, [teamId], null, false, name));
        var teams = new Dictionary<string, DemoTeam>
        {
            [DemoPeople.ServiceDesk] = new(1, DemoPeople.ServiceDesk, [Agent("Pedro Santos", 1), Agent("Jessica Moore", 1)]),
            [DemoPeople.Infrastructure] = new(2, DemoPeople.Infrastructure, [Agent("Carlos Lima", 2), Agent("Fábio Nunes", 2)]),
            [DemoPeople.Applications] = new(3, DemoPeople.Applications, [Agent("Priscila Nogueira", 3)]),
        };
        var statusKeys = new Dictionary<StatusCategory, string>
        {
            [StatusCategory.New] = "new",
            [StatusCategory.Open] = "in_progress",
            [StatusCategory.Pending] = "awaiting_customer",
            [StatusCategory.Resolved] = "resolved",
            [StatusCategory.Closed] = "closed",
        };
        return new DemoCast(customers, teams, statusKeys);
    }

    private static IReadOnlyList<DemoStep> Plan(int seed = 42) => new DemoTimeline(new Random(seed), Now, Cast()).Plan();

    private static string Describe(DemoStep step) => step switch
    {
        OpenStep o => $"{step.At:O} open {o.Request.Subject} by {step.Actor.Name}",
        MessageStep m => $"{step.At:O} {m.Visibility} {m.Body} by {step.Actor.Name}",
        UpdateStep u => $"{step.At:O} update {u.Request.Status.Value} {u.Request.AssigneeId.Value} by {step.Actor.Name}",
        _ => $"{step.At:O} {step.GetType().Name} by {step.Actor.Name}",
    };

    [Fact]
    public void The_same_seed_tells_the_same_story()
    {
        Assert.Equal(Plan().Select(Describe), Plan().Select(Describe));
        Assert.NotEqual(Plan().Select(Describe), Plan(seed: 7).Select(Describe));
    }

    [Fact]
    public void Three_hundred_tickets_are_spread_over_the_last_90_days_and_nothing_happens_in_the_future()
    {
        var steps = Plan();
        var opened = steps.OfType<OpenStep>().ToList();
        Assert.Equal(DemoTimeline.TicketCount, opened.Count);
        Assert.All(opened, o => Assert.InRange(o.At, Now.AddDays(-90), Now));
        Assert.All(steps, s => Assert.InRange(s.At, s.Ticket.CreatedAt, Now));
        Assert.Contains(opened, o => o.At < Now.AddDays(-80));
        Assert.Contains(opened, o => o.At > Now.AddDays(-2));
    }

    [Fact]
    public void Every_ticket_opens_first_and_has_one_to_six_messages_counting_the_merge_note()
    {
        var steps = Plan();
        foreach (var group in steps.GroupBy(s => s.Ticket))
        {
            Assert.IsType<OpenStep>(group.First());
            var messages = 1 + group.OfType<MessageStep>().Count()
                + steps.OfType<MergeStep>().Count(m => m.Ticket == group.Key || m.Into == group.Key);
            Assert.InRange(messages, 1, 6);
        }
    }

    [Fact]
    public void The_desk_covers_every_status_channel_request_type_and_both_languages()
    {
        var tickets = Plan().OfType<OpenStep>().Select(o => o.Ticket).ToList();
        Assert.Equal(Enum.GetValues<StatusCategory>().Order(), tickets.Select(t => t.Final).Distinct().Order());
        Assert.Equal(Enum.GetValues<Channel>().Order(), tickets.Select(t => t.Channel).Distinct().Order());
        Assert.Equal(DemoTexts.Scenarios.Select(s => s.Type).Distinct().Order(), tickets.Select(t => t.Scenario.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Priority>().Order(), tickets.Select(t => t.Priority).Distinct().Order());
        Assert.InRange(tickets.Count(t => t.Language == DemoPhrases.Portuguese), 120, 180);
        Assert.True(tickets.Count(t => t.Final.IsDone()) > tickets.Count / 2, "most tickets are resolved or closed");
    }

    [Fact]
    public void Two_duplicates_are_merged_and_the_outage_reports_are_linked()
    {
        var steps = Plan();
        var merges = steps.OfType<MergeStep>().ToList();
        Assert.Equal(2, merges.Count);
        Assert.All(merges, m => Assert.Same(m.Ticket.Requester, m.Into.Requester));
        Assert.Equal(5, steps.OfType<LinkStep>().Count());
        Assert.Contains(steps, s => s is TimeStep { Request.Billable: true });
        Assert.Contains(steps, s => s is TimeStep { Request.Billable: false });
    }

    [Fact]
    public void Every_text_fills_all_its_slots_in_both_languages()
    {
        var cast = Cast();
        var timeline = new DemoTimeline(new Random(1), Now, cast);
        foreach (var scenario in DemoTexts.Scenarios)
        {
            foreach (var language in new[] { DemoPhrases.English, DemoPhrases.Portuguese })
            {
                var slots = timeline.SlotsFor(scenario, cast.Customers.First(c => c.Language == language), Now);
                slots["agent"] = "Sam";
                var wording = scenario.For(language);
                var phrases = DemoPhrases.For(language);
                foreach (var text in wording.Subjects.Concat(wording.Descriptions).Concat(wording.Questions).Concat(wording.Answers)
                             .Concat(wording.Fixes).Concat(wording.Notes).Concat(phrases.Thanks).Concat(phrases.CustomerSignOffs).Concat(phrases.AgentGreetings).Concat(phrases.AgentFirstGreetings))
                {
                    var filled = slots.Fill(text);
                    Assert.DoesNotContain("{", filled, StringComparison.Ordinal);
                }
                Assert.True(wording.Answers.Length == wording.Questions.Length || wording.Questions.Length == 1,
                    $"{scenario.Key}/{language}: each question needs its answer");
            }
        }
    }

    [Fact]
    public void Custom_field_values_are_valid_for_the_request_type_form()
    {
        var cast = Cast();
        var timeline = new DemoTimeline(new Random(3), Now, cast);
        var forms = DemoCatalog.RequestTypes().ToDictionary(t => t.Key);
        foreach (var scenario in DemoTexts.Scenarios)
        {
            if (scenario.Fields is null)
            {
                Assert.Contains(scenario.Type, DefaultTypes);
                continue;
            }
            foreach (var customer in cast.Customers)
            {
                var slots = timeline.SlotsFor(scenario, customer, Now);
                foreach (var description in scenario.For(customer.Language).Descriptions)
                {
                    var errors = new ValidationErrors();
                    forms[scenario.Type].ValidateFields(scenario.Fields(slots, slots.Fill(description)), null, errors);
                    Assert.False(errors.Any, $"{scenario.Key} ({customer.Language}) gives field values its form refuses.");
                }
            }
        }
    }

    [Theory]
    [InlineData("Fábio Nunes", "fabio.nunes")]
    [InlineData("Michael O'Connor", "michael.oconnor")]
    [InlineData("Pedro Henrique Santos", "pedro.santos")]
    public void Email_addresses_are_first_dot_last_without_accents(string name, string expected) =>
        Assert.Equal(expected, DemoTimeline.EmailLocalPart(name));
}
