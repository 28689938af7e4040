using System.Globalization;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Search;
using Atende.Tickets;

namespace Atende.Demo;

internal sealed record DemoCustomer(int Id, string Email, string Name, string Language, string? OrganizationName, int Weight, Caller Caller)
{
    public string FirstName => Name.Split(' ')[0];
}

internal sealed record DemoAgent(int Id, string Name, Caller Caller)
{
    public string FirstName => Name.Split(' ')[0];
}

internal sealed record DemoTeam(int Id, string Name, IReadOnlyList<DemoAgent> Members);

/// <summary>Everyone and everything the tickets refer to, as they are in the database.</summary>
internal sealed record DemoCast(
    IReadOnlyList<DemoCustomer> Customers,
    IReadOnlyDictionary<string, DemoTeam> Teams,
    IReadOnlyDictionary<StatusCategory, string> StatusKeys);

/// <summary>One ticket's story, decided up front. <see cref="Number"/> is known once its open step has run.</summary>
internal sealed class DemoTicket
{
    public required DemoScenario Scenario { get; init; }
    public required DemoCustomer Requester { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required Channel Channel { get; init; }
    public required StatusCategory Final { get; init; }
    public required DemoSlots Slots { get; init; }
    public required DemoAgent Responder { get; init; }
    public required bool Assigned { get; init; }
    public required Priority Priority { get; init; }
    public required string[] Tags { get; init; }
    public required int Story { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    /// <summary>One of several reports of the same outage: the agent answers at once instead of asking questions.</summary>
    public bool Outage { get; init; }
    public DemoTicket? DuplicateOf { get; init; }
    /// <summary>A duplicate will be merged into this one, which adds a note: its own story stays one message shorter.</summary>
    public bool MergeTarget { get; set; }
    /// <summary>How many public replies the responder has written: only the first says "thanks for reaching out".</summary>
    public int AgentReplies { get; set; }
    public int Number { get; set; }

    public string Language => Requester.Language;
    public DemoWording Wording => Scenario.For(Language);
    public DemoPhrases Phrases => DemoPhrases.For(Language);
}

internal abstract record DemoStep(DemoTicket Ticket, Caller Actor)
{
    public DateTime At { get; set; }
    public int Order { get; set; }
}

internal sealed record OpenStep(DemoTicket Ticket, Caller Actor, OpenTicketRequest Request) : DemoStep(Ticket, Actor);

internal sealed record MessageStep(DemoTicket Ticket, Caller Actor, string Body, Visibility Visibility) : DemoStep(Ticket, Actor);

internal sealed record UpdateStep(DemoTicket Ticket, Caller Actor, UpdateTicketRequest Request) : DemoStep(Ticket, Actor);

internal sealed record TimeStep(DemoTicket Ticket, Caller Actor, LogTimeRequest Request) : DemoStep(Ticket, Actor);

internal sealed record LinkStep(DemoTicket Ticket, Caller Actor, DemoTicket Other) : DemoStep(Ticket, Actor);

internal sealed record MergeStep(DemoTicket Ticket, Caller Actor, DemoTicket Into) : DemoStep(Ticket, Actor);

/// <summary>
/// Writes the demo desk's last 90 days as a list of dated steps — who did what to which ticket, when — so the
/// seed can replay them through the real handlers in time order. Everything random comes from one seeded
/// <see cref="Random"/>, so the same seed tells the same story (relative to <paramref name="now"/>).
/// </summary>
internal sealed class DemoTimeline(Random random, DateTime now, DemoCast cast)
{
    public const int TicketCount = 300;
    private const int Duplicates = 2;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Portuguese = CultureInfo.GetCultureInfo("pt-BR");

    private readonly List<DemoStep> _steps = [];
    private readonly int _totalWeight = DemoTexts.Scenarios.Sum(s => s.Weight);

    public IReadOnlyList<DemoStep> Plan()
    {
        var tickets = new List<DemoTicket>();
        // Two incidents that hit several clients at once: the reports get linked to the first one.
        var vpnOutage = Outage("vpn", Weekday(now.Date.AddDays(-34)).AddHours(11).AddMinutes(52), 4, story: 2,
            ("vpnError", "Connection timed out: the gateway did not respond"));
        var portalOutage = Outage("portal-bug", Weekday(now.Date.AddDays(-12)).AddHours(17).AddMinutes(8), 3, story: 1);
        tickets.AddRange(vpnOutage);
        tickets.AddRange(portalOutage);
        while (tickets.Count < TicketCount - Duplicates)
        {
            tickets.Add(Regular());
        }

        // A requester who writes twice about the same thing: the second ticket is merged into the first.
        var originals = tickets
            .Where(t => !t.Outage && t.Final.IsDone() && (now - t.CreatedAt).TotalDays > 3 && t.Channel != Channel.Email)
            .ToList();
        for (var i = 0; i < Duplicates; i++)
        {
            var original = originals[random.Next(originals.Count)];
            originals.Remove(original);
            original.MergeTarget = true;
            tickets.Add(Duplicate(original));
        }

        foreach (var ticket in tickets)
        {
            Script(ticket);
        }
        Link(vpnOutage);
        Link(portalOutage);

        return _steps.OrderBy(s => s.At).ThenBy(s => s.Order).ToList();
    }

    private DemoTicket Regular()
    {
        var scenario = PickScenario();
        // Language first, then a requester who writes it: the desk gets about as much English as Portuguese.
        var requester = PickCustomer(random.NextDouble() < 0.5 ? DemoPhrases.English : DemoPhrases.Portuguese);
        var createdAt = RandomCreatedAt();
        var channel = scenario.Key == "api" && random.NextDouble() < 0.6 ? Channel.Api : PickChannel();
        return Create(scenario, requester, createdAt, channel, FinalFor(now - createdAt), responder: null, outage: false, story: null, fixedSlots: []);
    }

    private List<DemoTicket> Outage(string scenarioKey, DateTime start, int reports, int story, params (string Key, string Value)[] fixedSlots)
    {
        var scenario = DemoTexts.Scenarios.Single(s => s.Key == scenarioKey);
        var team = cast.Teams[scenario.Team];
        var responder = team.Members[random.Next(team.Members.Count)];
        var requesters = new List<DemoCustomer>();
        var tickets = new List<DemoTicket>();
        var at = start;
        while (tickets.Count < reports)
        {
            var requester = PickCustomer(null);
            if (requesters.Any(r => r.OrganizationName == requester.OrganizationName))
            {
                continue;
            }
            requesters.Add(requester);
            var final = FinalFor(now - at);
            tickets.Add(Create(scenario, requester, at, PickChannel(), final.IsDone() ? final : StatusCategory.Resolved,
                responder, outage: true, story, fixedSlots));
            at = at.AddMinutes(3 + random.Next(9));
        }
        return tickets;
    }

    private DemoTicket Duplicate(DemoTicket original) => new()
    {
        Scenario = original.Scenario,
        Requester = original.Requester,
        CreatedAt = original.CreatedAt.AddMinutes(25 + random.Next(60)),
        Channel = Channel.Email,
        Final = StatusCategory.Closed,
        Slots = original.Slots.Copy(),
        Responder = original.Responder,
        Assigned = false,
        Priority = original.Priority,
        Tags = original.Tags,
        Story = original.Story,
        Subject = original.Subject,
        Description = original.Phrases.DuplicatePreface + original.Description,
        DuplicateOf = original,
    };

    private DemoTicket Create(DemoScenario scenario, DemoCustomer requester, DateTime createdAt, Channel channel, StatusCategory final,
        DemoAgent? responder, bool outage, int? story, (string Key, string Value)[] fixedSlots)
    {
        var wording = scenario.For(requester.Language);
        var slots = SlotsFor(scenario, requester, createdAt);
        foreach (var (key, value) in fixedSlots)
        {
            slots[key] = value;
        }
        var team = cast.Teams[scenario.Team];
        var storyIndex = story ?? random.Next(wording.Descriptions.Length);
        var tags = scenario.Tags.Where((_, i) => i == 0 || random.NextDouble() < 0.5).ToArray();
        return new DemoTicket
        {
            Scenario = scenario,
            Requester = requester,
            CreatedAt = createdAt,
            Channel = channel,
            Final = final,
            Slots = slots,
            Responder = responder ?? team.Members[random.Next(team.Members.Count)],
            Assigned = responder is not null || random.NextDouble() < 0.8,
            Priority = scenario.Priorities[random.Next(scenario.Priorities.Length)],
            Tags = tags,
            Story = storyIndex,
            Subject = slots.Fill(InStep(wording.Subjects, wording.Descriptions.Length, storyIndex)),
            Description = slots.Fill(wording.Descriptions[storyIndex]),
            Outage = outage,
        };
    }

    /// <summary>Turns a ticket's story into dated steps, squeezed to fit when the ticket is recent.</summary>
    private void Script(DemoTicket t)
    {
        var plan = new List<(double Gap, DemoStep Step)> { (0, OpenFor(t)) };
        var staff = t.Responder.Caller;

        if (t.DuplicateOf is { } original)
        {
            plan.Add((Minutes(20, 90), new MergeStep(t, original.Responder.Caller, original)));
            Place(t, plan);
            return;
        }
        if (t.Final == StatusCategory.New)
        {
            if (Chance(0.3))
            {
                plan.Add((Minutes(90, 1440), Customer(t, Pick(t.Phrases.FollowUps))));
            }
            Place(t, plan);
            return;
        }

        plan.Add((TriageGap(t.Priority), new UpdateStep(t, staff, Triage(t))));
        var asks = !t.Outage && (t.Final == StatusCategory.Pending || Chance(0.45));
        if (asks)
        {
            var question = InStepIndex(t.Wording.Questions.Length, t.Wording.Descriptions.Length, t.Story);
            plan.Add((Minutes(2, 40), Agent(t, t.Wording.Questions[question])));
            plan.Add((Minutes(0, 2), Status(t, staff, StatusCategory.Pending)));
            if (t.Final == StatusCategory.Pending)
            {
                if (Chance(0.3))
                {
                    plan.Add((Minutes(5, 60), Note(t)));
                }
                Place(t, plan);
                return;
            }
            plan.Add((Minutes(30, 1800), Customer(t, InStep(t.Wording.Answers, t.Wording.Questions.Length, question))));
            plan.Add((Minutes(5, 120), Status(t, staff, StatusCategory.Open)));
        }
        else if (t.Final == StatusCategory.Open || t.Outage || Chance(0.5))
        {
            plan.Add((Minutes(1, 30), Agent(t, Pick(t.Phrases.Acknowledgements))));
        }
        if (Chance(0.35))
        {
            plan.Add((Minutes(10, 240), Note(t)));
        }
        if (Chance(0.22))
        {
            var billable = t.Requester.OrganizationName is not null && t.Scenario.Key != "billing" && Chance(0.75);
            int[] durations = [15, 20, 30, 45, 60, 90, 120];
            plan.Add((Minutes(5, 90), new TimeStep(t, staff,
                new LogTimeRequest(Pick(durations), Pick(t.Phrases.TimeNotes), billable))));
        }
        if (t.Final == StatusCategory.Open)
        {
            Place(t, plan);
            return;
        }

        plan.Add((FixGap(t.Priority), Agent(t, InStep(t.Wording.Fixes, t.Wording.Descriptions.Length, t.Story))));
        plan.Add((Minutes(0, 2), Status(t, staff, StatusCategory.Resolved)));
        var reopened = !asks && !t.Outage && !t.MergeTarget && Chance(0.08);
        if (reopened)
        {
            plan.Add((Minutes(600, 2880), Customer(t, Pick(t.Phrases.Reopens))));
            plan.Add((Minutes(0, 1), Status(t, t.Requester.Caller, StatusCategory.Open)));
            plan.Add((Minutes(60, 600), Agent(t, Pick(t.Phrases.Refixes))));
            plan.Add((Minutes(0, 2), Status(t, staff, StatusCategory.Resolved)));
        }
        if (t.Final == StatusCategory.Closed)
        {
            if (!reopened && !t.MergeTarget && Chance(0.5))
            {
                plan.Add((Minutes(10, 600), Customer(t, Pick(t.Phrases.Thanks))));
            }
            // Either the requester closes it, or it closes itself after a few quiet days (the system acts).
            plan.Add(Chance(0.35)
                ? (Minutes(1, 120), Status(t, t.Requester.Caller, StatusCategory.Closed))
                : (Minutes(3 * 1440, 7 * 1440), Status(t, Caller.System, StatusCategory.Closed)));
        }
        Place(t, plan);
    }

    /// <summary>Every report of an outage is linked to the first one, by the agent who handled them all.</summary>
    private void Link(List<DemoTicket> reports)
    {
        var first = reports[0];
        var at = reports[^1].CreatedAt.AddMinutes(15);
        foreach (var other in reports.Skip(1))
        {
            at = at.AddMinutes(1);
            Add(new LinkStep(first, first.Responder.Caller, other), at);
        }
    }

    private OpenStep OpenFor(DemoTicket t)
    {
        var fields = t.Scenario.Fields?.Invoke(t.Slots, t.Description);
        var description = Compose(t);
        switch (t.Channel)
        {
            case Channel.Phone or Channel.Chat:
                // The first-line agent who took the call logs it straight into the right queue.
                var serviceDesk = cast.Teams[DemoPeople.ServiceDesk];
                var taker = serviceDesk.Members[random.Next(serviceDesk.Members.Count)];
                return new OpenStep(t, taker.Caller, new OpenTicketRequest(t.Subject, description,
                    new RequesterInput(t.Requester.Email, t.Requester.Name), t.Scenario.Type, t.Priority, t.Tags, fields,
                    cast.Teams[t.Scenario.Team].Id, null, t.Channel));
            case Channel.Email:
                // Mail arrives through the system, not through a person.
                return new OpenStep(t, Caller.System, new OpenTicketRequest(t.Subject, description,
                    new RequesterInput(t.Requester.Email, t.Requester.Name), t.Scenario.Type, Fields: fields, Channel: t.Channel));
            default:
                return new OpenStep(t, t.Requester.Caller, new OpenTicketRequest(t.Subject, description,
                    Type: t.Scenario.Type, Fields: fields, Channel: t.Channel));
        }
    }

    private string Compose(DemoTicket t)
    {
        if (t.Channel is not (Channel.Email or Channel.Portal or Channel.Web))
        {
            return t.Description;
        }
        var greeting = t.Channel == Channel.Email ? Pick(t.Phrases.CustomerGreetings) : "";
        var signOff = HardBreaks(Pick(t.Phrases.CustomerSignOffs));
        return t.Slots.Fill(string.Join("\n\n", new[] { greeting, t.Description, signOff }.Where(p => p.Length > 0)));
    }

    /// <summary>
    /// Triage fills in what the opener could not: customers and the mail gateway cannot set team, tags or
    /// priority; a phone or chat ticket already has them.
    /// </summary>
    private UpdateTicketRequest Triage(DemoTicket t)
    {
        var openedByStaff = t.Channel is Channel.Phone or Channel.Chat;
        return new UpdateTicketRequest
        {
            Status = cast.StatusKeys[StatusCategory.Open],
            TeamId = openedByStaff ? default(Optional<int?>) : cast.Teams[t.Scenario.Team].Id,
            Tags = openedByStaff ? default(Optional<IReadOnlyList<string>>) : t.Tags,
            Priority = openedByStaff || t.Priority == Priority.Normal ? default(Optional<Priority?>) : t.Priority,
            AssigneeId = t.Assigned ? t.Responder.Id : default(Optional<int?>),
        };
    }

    private UpdateStep Status(DemoTicket t, Caller actor, StatusCategory category) =>
        new(t, actor, new UpdateTicketRequest { Status = cast.StatusKeys[category] });

    private MessageStep Agent(DemoTicket t, string body)
    {
        t.Slots["agent"] = t.Responder.FirstName;
        var greeting = t.AgentReplies++ == 0 ? Pick([.. t.Phrases.AgentGreetings, .. t.Phrases.AgentFirstGreetings]) : Pick(t.Phrases.AgentGreetings);
        var text = string.Join("\n\n", greeting, body, HardBreaks(Pick(t.Phrases.AgentSignOffs)));
        return new MessageStep(t, t.Responder.Caller, t.Slots.Fill(text), Visibility.Public);
    }

    private MessageStep Customer(DemoTicket t, string body)
    {
        t.Slots["agent"] = t.Responder.FirstName;
        var text = Chance(0.5) ? body : body + "\n\n" + "{first}";
        return new MessageStep(t, t.Requester.Caller, t.Slots.Fill(text), Visibility.Public);
    }

    private MessageStep Note(DemoTicket t) =>
        new(t, t.Responder.Caller, t.Slots.Fill(InStep(t.Wording.Notes, t.Wording.Descriptions.Length, t.Story)), Visibility.Internal);

    /// <summary>"Regards,\nAna" is one line in Markdown; two trailing spaces keep the signature on two lines.</summary>
    private static string HardBreaks(string signOff) => signOff.Replace("\n", "  \n", StringComparison.Ordinal);

    private void Place(DemoTicket t, List<(double Gap, DemoStep Step)> plan)
    {
        // A ticket opened an hour ago cannot have a week of history: squeeze its story into part of the time it
        // had (a random part, so the recent tickets do not all end at the same minute).
        var available = (now.AddMinutes(-1) - t.CreatedAt).TotalMinutes;
        var total = plan.Sum(p => p.Gap);
        var scale = total > available ? available * (0.35 + 0.6 * random.NextDouble()) / total : 1;
        var minutes = 0.0;
        foreach (var (gap, step) in plan)
        {
            minutes += gap * scale;
            Add(step, t.CreatedAt.AddSeconds(Math.Round(minutes * 60)));
        }
    }

    private void Add(DemoStep step, DateTime at)
    {
        step.At = at;
        step.Order = _steps.Count;
        _steps.Add(step);
    }

    internal DemoSlots SlotsFor(DemoScenario scenario, DemoCustomer requester, DateTime createdAt)
    {
        var pt = requester.Language == DemoPhrases.Portuguese;
        var phrases = DemoPhrases.For(requester.Language);
        var domain = requester.Email[(requester.Email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var slots = new DemoSlots
        {
            ["first"] = requester.FirstName,
            ["name"] = requester.Name,
            ["email"] = requester.Email,
            ["domain"] = domain,
            ["agent"] = "",
            ["asset"] = $"NB-{random.Next(10000, 20000)}",
            ["asset2"] = $"NB-{random.Next(20000, 30000)}",
            ["office"] = Pick(DemoCatalog.Offices),
            ["floor"] = Pick(phrases.Floors),
            ["room"] = Pick(phrases.Rooms),
            ["weekday"] = Pick(phrases.Weekdays),
            ["manager"] = Pick(phrases.Managers),
            ["colleague"] = Pick(phrases.Colleagues),
            ["digits"] = random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture),
            ["orderNo"] = random.Next(40000, 50000).ToString(CultureInfo.InvariantCulture),
        };
        var person = Pick(phrases.People);
        slots["person"] = person;
        slots["personEmail"] = EmailLocalPart(person) + "@" + domain;
        var department = Pick(DemoCatalog.Departments);
        slots["departmentOption"] = department;
        slots["department"] = department.Split(" / ")[pt ? 0 : 1];
        var start = createdAt.Date.AddDays(3 + random.Next(12));
        while (start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            start = start.AddDays(1);
        }
        slots["startDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        slots["startDay"] = pt
            ? start.ToString("dd/MM", Portuguese) + " (" + start.ToString("dddd", Portuguese) + ")"
            : start.ToString("dddd, MMMM d", English);
        slots["equipment"] = string.Join('|', DemoCatalog.Equipment.Where((e, i) => i is 0 or 2 || random.NextDouble() < 0.4));

        foreach (var (key, values) in (scenario.Slots ?? new Dictionary<string, string[]>())
                 .Concat(scenario.For(requester.Language).Slots ?? new Dictionary<string, string[]>()))
        {
            slots[key] = Pick(values);
        }
        return slots;
    }

    /// <summary>first.last, lower case, without accents or apostrophes — how the demo's mail domains spell people.</summary>
    public static string EmailLocalPart(string name)
    {
        var parts = SearchText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts[0].Where(char.IsAsciiLetterOrDigit)) + "." + string.Concat(parts[^1].Where(char.IsAsciiLetterOrDigit));
    }

    private DateTime RandomCreatedAt()
    {
        while (true)
        {
            // The desk got busier lately, and the queue should look alive: 15% of tickets are from the last week.
            var daysAgo = random.NextDouble() < 0.15 ? random.Next(0, 7) : random.Next(7, 90);
            var day = now.Date.AddDays(-daysAgo);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && random.NextDouble() < 0.85)
            {
                continue;
            }
            // Mostly business hours in Brazil (08:00–18:30 BRT is 11:00–21:30 UTC).
            var minuteOfDay = random.NextDouble() < 0.9 ? random.Next(11 * 60, 21 * 60 + 30) : random.Next(0, 24 * 60);
            var at = day.AddMinutes(minuteOfDay).AddSeconds(random.Next(60));
            if (at < now.AddMinutes(-10))
            {
                return at;
            }
        }
    }

    /// <summary>The same day if it is a weekday, else the Friday before: outages happen when people work.</summary>
    private static DateTime Weekday(DateTime day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };

    /// <summary>Old tickets are mostly done; the last few days hold the open queue.</summary>
    private StatusCategory FinalFor(TimeSpan age)
    {
        (StatusCategory Category, int Weight)[] weights = age.TotalDays switch
        {
            < 1 => [(StatusCategory.New, 35), (StatusCategory.Open, 35), (StatusCategory.Pending, 20), (StatusCategory.Resolved, 10)],
            < 4 => [(StatusCategory.New, 10), (StatusCategory.Open, 25), (StatusCategory.Pending, 20), (StatusCategory.Resolved, 35), (StatusCategory.Closed, 10)],
            < 14 => [(StatusCategory.New, 3), (StatusCategory.Open, 10), (StatusCategory.Pending, 10), (StatusCategory.Resolved, 35), (StatusCategory.Closed, 42)],
            _ => [(StatusCategory.New, 2), (StatusCategory.Open, 5), (StatusCategory.Pending, 5), (StatusCategory.Resolved, 13), (StatusCategory.Closed, 75)],
        };
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (category, weight) in weights)
        {
            if (roll < weight)
            {
                return category;
            }
            roll -= weight;
        }
        return StatusCategory.Closed;
    }

    private Channel PickChannel()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 34 => Channel.Email,
            < 62 => Channel.Portal,
            < 72 => Channel.Web,
            < 84 => Channel.Phone,
            < 92 => Channel.Api,
            _ => Channel.Chat,
        };
    }

    private DemoScenario PickScenario()
    {
        var roll = random.Next(_totalWeight);
        foreach (var scenario in DemoTexts.Scenarios)
        {
            if (roll < scenario.Weight)
            {
                return scenario;
            }
            roll -= scenario.Weight;
        }
        return DemoTexts.Scenarios[^1];
    }

    private DemoCustomer PickCustomer(string? language)
    {
        var candidates = cast.Customers.Where(c => language is null || c.Language == language).ToList();
        var roll = random.Next(candidates.Sum(c => c.Weight));
        foreach (var customer in candidates)
        {
            if (roll < customer.Weight)
            {
                return customer;
            }
            roll -= customer.Weight;
        }
        return candidates[^1];
    }

    private double TriageGap(Priority priority) => priority switch
    {
        Priority.Urgent => Minutes(2, 20),
        Priority.High => Minutes(5, 60),
        Priority.Normal => Minutes(10, 240),
        _ => Minutes(30, 600),
    };

    private double FixGap(Priority priority) => priority switch
    {
        Priority.Urgent => Minutes(15, 120),
        Priority.High => Minutes(60, 600),
        Priority.Normal => Minutes(120, 2880),
        _ => Minutes(240, 5760),
    };

    private double Minutes(int min, int max) => min + (max - min) * random.NextDouble();

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>The entry that belongs to story <paramref name="index"/> when the arrays run in step; any entry otherwise.</summary>
    private string InStep(string[] values, int stepLength, int index) => values[InStepIndex(values.Length, stepLength, index)];

    private int InStepIndex(int length, int stepLength, int index) => length == stepLength ? index : random.Next(length);
}
