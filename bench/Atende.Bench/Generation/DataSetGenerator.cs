using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Search;
using Atende.Sla;

namespace Atende.Bench.Generation;

/// <summary>
/// Fills a prepared (migrated, seeded) database with a desk's worth of history: organizations and their contacts,
/// agents in teams, and tickets over three years with their conversations, tags, custom fields, time entries, SLA
/// targets, satisfaction ratings, resolve/reopen history and search documents — written in bulk, not through the API,
/// and the same for the same seed. What reports read is there, so report timings mean something.
/// </summary>
internal sealed class DataSetGenerator(GenerateOptions options, IBulkWriter writer, TextWriter log)
{
    private static readonly Table Accounts = new("AspNetUsers", "Id", "Language", "TimeZone", "CreatedAt", "UserName", "NormalizedUserName", "Email",
        "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
    private static readonly Table Teams = new("Teams", "Id", "Name", "Description", "AssignmentStrategy", "SkillRouting", "ReassignWhenAway");
    private static readonly Table Agents = new("Agents", "Id", "AccountId", "Email", "Name", "Role", "Available", "Active", "SkillsJson", "CreatedAt");
    private static readonly Table TeamMembers = new("TeamMembers", "TeamId", "AgentId");
    private static readonly Table Organizations = new("Organizations", "Id", "Name", "SharesTickets", "CreatedAt");
    private static readonly Table Domains = new("OrganizationDomains", "Domain", "OrganizationId");
    private static readonly Table Customers = new("Customers", "Id", "Email", "Name", "Language", "OrganizationId", "CreatedAt");
    private static readonly Table Tags = new("Tags", "Id", "Name");
    private static readonly Table Tickets = new("Tickets", "Id", "Subject", "StatusId", "StatusCategory", "Priority", "RequestTypeId", "Channel",
        "RequesterId", "OrganizationId", "AssigneeId", "TeamId", "FieldsJson", "CreatedAt", "UpdatedAt", "FirstRespondedAt", "ResolvedAt", "DueAt",
        "TimeSpentMinutes", "Version");
    private static readonly Table Messages = new("Messages", "Id", "TicketId", "Visibility", "Body", "AuthorAgentId", "AuthorCustomerId", "AuthorName", "CreatedAt");
    private static readonly Table TicketTags = new("TicketTags", "TicketId", "TagId");
    private static readonly Table TimeEntries = new("TimeEntries", "Id", "TicketId", "AgentId", "Minutes", "Note", "Billable", "CreatedAt");
    private static readonly Table SearchDocuments = new("SearchDocuments", "Id", "Kind", "TicketId", "MessageId", "CustomerId", "Visibility", "Text");
    private static readonly Table BusinessHoursTable = new("BusinessHours", "Id", "Name", "TimeZone", "WeekJson");
    private static readonly Table SlaPolicies = new("SlaPolicies", "Id", "Name", "Position", "BusinessHoursId", "ConditionsJson", "TargetsJson", "WarningMinutes");
    private static readonly Table SlaTargets = new("SlaTargets", "Id", "TicketId", "Kind", "Cycle", "PolicyId", "TargetMinutes", "StartedAt", "ConsumedSeconds",
        "RunningSince", "DueAt", "AchievedAt", "BusinessMinutes", "WarnedAt", "BreachedAt");
    private static readonly Table Ratings = new("SatisfactionRatings", "Id", "TicketId", "RequesterId", "OfferedAt", "Score", "Comment", "RatedAt", "FirstRatedAt");
    private static readonly Table History = new("TicketHistory", "Id", "TicketId", "At", "ActorAgentId", "ActorCustomerId", "ActorName", "RuleId", "Field", "From", "To");

    private static readonly Table[] All = [Accounts, Teams, Agents, TeamMembers, Organizations, Domains, Customers, Tags, BusinessHoursTable, SlaPolicies,
        Tickets, Messages, TicketTags, TimeEntries, SearchDocuments, SlaTargets, Ratings, History];

    // One SLA policy for every ticket, on São Paulo office hours: first response and resolution minutes per priority.
    private static readonly Dictionary<int, (int FirstResponse, int Resolution)> SlaMinutes = new()
    {
        [4] = (30, 240), [3] = (60, 480), [2] = (240, 1440), [1] = (480, 2880),
    };
    private static readonly BusinessCalendar Office = new(TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"),
        Enumerable.Range(1, 5).Select(d => new WorkingPeriod((DayOfWeek)d, 8 * 60, 18 * 60)), []);
    private static readonly string[] RatingComments =
    [
        "Quick and clear answer, thank you!", "Resolveu rápido, obrigado!", "Took a while, but it works now.",
        "Atendimento excelente.", "I had to explain the problem twice.", "Demorou mais do que eu esperava.",
    ];
    private int _policyId;

    // Status categories as stored: New 0, Open 1, Pending 2, Resolved 3, Closed 4. Priorities: Low 1 .. Urgent 4.
    private const int New = 0, Open = 1, Pending = 2, Resolved = 3, Closed = 4;

    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<string, long> _nextId = [];
    private readonly Dictionary<int, int> _statusByCategory = [];
    private readonly List<RequestTypeInfo> _types = [];
    private readonly List<AgentInfo> _agents = [];
    private readonly List<int[]> _teamMembers = [];
    private readonly List<CustomerInfo> _customers = [];
    private readonly List<int> _tagIds = [];
    private readonly HashSet<string> _existingTags = [];
    private readonly Dictionary<string, int> _tagByName = [];
    private readonly HashSet<int> _billingOrganizations = [];
    private int[] _firstTeamId = [];

    private sealed record RequestTypeInfo(int Id, double Weight, List<(string Key, int Type, bool Required, string[] Options)> Fields);

    private sealed record AgentInfo(int Id, string Name);

    private sealed record CustomerInfo(int Id, string Name, string Email, int? OrganizationId, bool Portuguese);

    public async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        if (await ScalarAsync("SELECT COUNT(*) FROM \"Tickets\"") > 0)
        {
            await log.WriteLineAsync("generate: the database already has tickets; generate into an empty (fresh) database.");
            return 1;
        }
        await ReadCatalogAsync();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: {options.Tickets:N0} tickets, {options.Organizations:N0} organizations, {options.Customers:N0} customers, {options.Agents} agents in {options.Teams} teams, seed {options.Seed}, until {options.Until:yyyy-MM-dd}"));

        await writer.BeginBatchAsync();
        await WritePeopleAsync();
        await writer.CommitBatchAsync();

        var start = options.Until.AddYears(-3);
        var span = options.Until - start;
        var written = 0;
        var messages = 0L;
        var lastReport = Stopwatch.StartNew();
        while (written < options.Tickets)
        {
            var count = Math.Min(options.BatchSize, options.Tickets - written);
            var batch = new Batch();
            for (var i = 0; i < count; i++)
            {
                // Density grows linearly over the three years (a desk that grows); ids follow creation time.
                var position = Math.Sqrt((written + i + _random.NextDouble()) / options.Tickets);
                AddTicket(batch, start + span * position);
            }
            await writer.BeginBatchAsync();
            await writer.WriteAsync(Tickets, batch.Tickets);
            await writer.WriteAsync(Messages, batch.Messages);
            await writer.WriteAsync(TicketTags, batch.Tags);
            await writer.WriteAsync(TimeEntries, batch.TimeEntries);
            await writer.WriteAsync(SearchDocuments, batch.Documents);
            await writer.WriteAsync(SlaTargets, batch.SlaTargets);
            await writer.WriteAsync(Ratings, batch.Ratings);
            await writer.WriteAsync(History, batch.History);
            await writer.CommitBatchAsync();
            written += count;
            messages += batch.Messages.Count;
            if (lastReport.Elapsed > TimeSpan.FromSeconds(5) || written == options.Tickets)
            {
                lastReport.Restart();
                var rate = written / clock.Elapsed.TotalSeconds;
                var eta = TimeSpan.FromSeconds((options.Tickets - written) / Math.Max(rate, 1));
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {written,10:N0} / {options.Tickets:N0} tickets ({100.0 * written / options.Tickets,5:F1}%) · {messages:N0} messages · {rate:N0} tickets/s · ETA {eta:mm\\:ss}"));
            }
        }
        await log.WriteLineAsync("  finishing: sequences and planner statistics...");
        await writer.FinishAsync(All);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: done in {clock.Elapsed:mm\\:ss} — {written:N0} tickets, {messages:N0} messages. Sign in as {options.AdminEmail}."));
        return 0;
    }

    private sealed class Batch
    {
        public List<object?[]> Tickets { get; } = [];
        public List<object?[]> Messages { get; } = [];
        public List<object?[]> Tags { get; } = [];
        public List<object?[]> TimeEntries { get; } = [];
        public List<object?[]> Documents { get; } = [];
        public List<object?[]> SlaTargets { get; } = [];
        public List<object?[]> Ratings { get; } = [];
        public List<object?[]> History { get; } = [];
    }

    private async Task ReadCatalogAsync()
    {
        foreach (var table in All.Where(t => t.Columns[0] == "Id"))
        {
            _nextId[table.Name] = await ScalarAsync($"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table.Name}\"") + 1;
        }
        foreach (var row in await RowsAsync("SELECT \"Category\", MIN(\"Id\") FROM \"Statuses\" GROUP BY \"Category\""))
        {
            _statusByCategory[Int(row[0])] = Int(row[1]);
        }
        for (var category = New; category <= Closed; category++)
        {
            if (!_statusByCategory.ContainsKey(category))
            {
                throw new InvalidOperationException($"No status of category {category}: is the database seeded?");
            }
        }
        var fields = new Dictionary<int, List<(string, int, bool, string[])>>();
        foreach (var row in await RowsAsync("SELECT \"RequestTypeId\", \"Key\", \"Type\", \"Required\", \"OptionsJson\" FROM \"FormFields\" ORDER BY \"RequestTypeId\", \"Position\""))
        {
            var typeId = Int(row[0]);
            if (!fields.TryGetValue(typeId, out var list))
            {
                fields[typeId] = list = [];
            }
            list.Add(((string)row[1], Int(row[2]), Convert.ToBoolean(row[3], CultureInfo.InvariantCulture), JsonSerializer.Deserialize<string[]>((string)row[4]) ?? []));
        }
        foreach (var row in await RowsAsync("SELECT \"Id\", \"IsDefault\" FROM \"RequestTypes\" WHERE \"Active\" = TRUE ORDER BY \"Id\""))
        {
            var id = Int(row[0]);
            // The default type (an incident, usually) is most of the traffic.
            _types.Add(new RequestTypeInfo(id, Convert.ToBoolean(row[1], CultureInfo.InvariantCulture) ? 5 : 1, fields.GetValueOrDefault(id) ?? []));
        }
        foreach (var row in await RowsAsync("SELECT \"Id\", \"Name\" FROM \"Tags\""))
        {
            _tagIds.Add(Int(row[0]));
            _existingTags.Add((string)row[1]);
            _tagByName[(string)row[1]] = Int(row[0]);
        }
    }

    private async Task WritePeopleAsync()
    {
        var created = options.Until.AddYears(-3).AddDays(-30);
        var teamRows = new List<object?[]>();
        _firstTeamId = new int[options.Teams];
        for (var t = 0; t < options.Teams; t++)
        {
            var name = t < Corpus.TeamNames.Length ? Corpus.TeamNames[t] : $"Team {t + 1}";
            var id = (int)Next(Teams);
            _firstTeamId[t] = id;
            // Manual assignment: the load run measures the API, not routing work queued behind it.
            teamRows.Add([id, name, $"Generated team {t + 1} of the benchmark desk.", "Manual", false, false]);
            _teamMembers.Add([]);
        }
        await writer.WriteAsync(Teams, teamRows);

        var accountRows = new List<object?[]>();
        var agentRows = new List<object?[]>();
        var memberRows = new List<object?[]>();
        var members = Enumerable.Range(0, options.Teams).Select(_ => new List<int>()).ToList();
        for (var a = 0; a < options.Agents; a++)
        {
            var name = PersonName();
            var email = $"agent{a + 1:D3}@bench-desk.example";
            var accountId = (int)Next(Accounts);
            var agentId = (int)Next(Agents);
            accountRows.Add([accountId, a % 3 == 0 ? "en" : "pt-BR", "America/Sao_Paulo", created, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(),
                true, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), false, false, true, 0]);
            agentRows.Add([agentId, accountId, email, name, 0, true, true, "[]", created]);
            _agents.Add(new AgentInfo(agentId, name));
            var home = a % options.Teams;
            members[home].Add(agentId);
            memberRows.Add([_firstTeamId[home], agentId]);
            // One agent in four also covers a second team.
            if (a % 4 == 0 && options.Teams > 1)
            {
                var second = (home + 1 + a / options.Teams) % options.Teams;
                if (second != home)
                {
                    members[second].Add(agentId);
                    memberRows.Add([_firstTeamId[second], agentId]);
                }
            }
        }
        for (var t = 0; t < options.Teams; t++)
        {
            _teamMembers[t] = members[t].ToArray();
        }
        await writer.WriteAsync(Accounts, accountRows);
        await writer.WriteAsync(Agents, agentRows);
        await writer.WriteAsync(TeamMembers, memberRows);

        var organizationRows = new List<object?[]>();
        var domainRows = new List<object?[]>();
        var organizationIds = new int[options.Organizations];
        var portuguese = new bool[options.Organizations];
        for (var o = 0; o < options.Organizations; o++)
        {
            var id = (int)Next(Organizations);
            organizationIds[o] = id;
            portuguese[o] = _random.NextDouble() < 0.7;
            var name = $"{Pick(Corpus.CompanyWords)} {Pick(Corpus.CompanyNames)} {o + 1}";
            organizationRows.Add([id, name, _random.NextDouble() < 0.3, created]);
            domainRows.Add([$"org{o + 1}.bench-client.example", id]);
            if (_random.NextDouble() < 0.25)
            {
                _billingOrganizations.Add(id);
            }
        }
        await writer.WriteAsync(Organizations, organizationRows);
        await writer.WriteAsync(Domains, domainRows);

        var customerRows = new List<object?[]>();
        var documentRows = new List<object?[]>();
        for (var c = 0; c < options.Customers; c++)
        {
            var id = (int)Next(Customers);
            // Organization sizes are skewed: a few large clients, many small ones.
            int? organization = _random.NextDouble() < 0.85 ? (int)(Math.Pow(_random.NextDouble(), 2) * options.Organizations) : null;
            var isPortuguese = organization is { } o2 ? portuguese[o2] : _random.NextDouble() < 0.5;
            var name = PersonName();
            var email = organization is { } o3
                ? $"{Slug(name)}.{c + 1}@org{o3 + 1}.bench-client.example"
                : $"{Slug(name)}.{c + 1}@mail.bench-people.example";
            var organizationId = organization is { } o4 ? organizationIds[o4] : (int?)null;
            customerRows.Add([id, email, name, isPortuguese ? "pt-BR" : "en", organizationId, created]);
            documentRows.Add([Next(SearchDocuments), 2, null, null, id, 0, SearchText.ForCustomer(name, email)]);
            _customers.Add(new CustomerInfo(id, name, email, organizationId, isPortuguese));
        }
        await writer.WriteAsync(Customers, customerRows);
        await writer.WriteAsync(SearchDocuments, documentRows);

        var tagRows = new List<object?[]>();
        foreach (var tag in Corpus.Tags.Where(t => !_existingTags.Contains(t)))
        {
            var id = (int)Next(Tags);
            tagRows.Add([id, tag]);
            _tagIds.Add(id);
            _tagByName[tag] = id;
        }
        await writer.WriteAsync(Tags, tagRows);

        var hoursId = (int)Next(BusinessHoursTable);
        await writer.WriteAsync(BusinessHoursTable, [[hoursId, "São Paulo 8–18", "America/Sao_Paulo",
            JsonSerializer.Serialize(Enumerable.Range(1, 5).Select(d => new[] { d, 8 * 60, 18 * 60 }))]]);
        _policyId = (int)Next(SlaPolicies);
        var targets = SlaMinutes.ToDictionary(
            p => p.Key switch { 4 => "urgent", 3 => "high", 2 => "normal", _ => "low" },
            p => new JsonObject { ["firstResponseMinutes"] = p.Value.FirstResponse, ["resolutionMinutes"] = p.Value.Resolution });
        await writer.WriteAsync(SlaPolicies, [[_policyId, "Standard", 1, hoursId, "{\"all\":[]}",
            new JsonObject(targets.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))).ToJsonString(), 30]]);
    }

    private void AddTicket(Batch batch, DateTime created)
    {
        created = WorkingMoment(created);
        var age = options.Until - created;
        var category = StatusFor(age);
        var priority = Weighted([4, 18, 63, 15]) switch { 0 => 4, 1 => 3, 2 => 2, _ => 1 };
        var channel = Weighted([8, 7, 25, 50, 4, 6]);
        // Heavy requesters: a few people open many tickets.
        var requester = _customers[(int)(Math.Pow(_random.NextDouble(), 1.6) * _customers.Count)];
        var topics = requester.Portuguese ? Corpus.Portuguese : Corpus.English;
        var topicIndex = _random.Next(topics.Length);
        var topic = topics[topicIndex];
        var team = _random.NextDouble() < 0.05 ? -1 : (topicIndex * 3 + _random.Next(3)) % options.Teams;
        int? teamId = team < 0 ? null : _firstTeamId[team];
        int? assigneeId = team < 0 || (category == New && _random.NextDouble() < 0.6) || _teamMembers[team].Length == 0
            ? null
            : _teamMembers[team][_random.Next(_teamMembers[team].Length)];
        var type = _types[WeightedIndex(_types.Select(t => t.Weight).ToArray())];
        var ticketId = (int)Next(Tickets);
        var subject = Fill(Pick(topic.Subjects));
        var fields = FieldsFor(type, requester);

        // The conversation: the requester's description, then replies back and forth, some internal notes.
        var count = 1 + Weighted([15, 20, 22, 16, 11, 8, 5, 3]);
        if (category == New)
        {
            count = 1;
        }
        var at = created;
        DateTime? firstResponse = null;
        var agentName = assigneeId is { } aid ? _agents.First(a => a.Id == aid).Name : _agents[_random.Next(_agents.Count)].Name;
        var agentId = assigneeId ?? _agents[_random.Next(_agents.Count)].Id;
        for (var m = 0; m < count; m++)
        {
            string body;
            var fromAgent = m % 2 == 1;
            var internalNote = m > 0 && _random.NextDouble() < 0.15;
            if (m == 0)
            {
                body = Paragraph(Pick(topic.Problems), topic.Details, 1 + _random.Next(3));
            }
            else if (internalNote)
            {
                body = Fill(Pick(topic.Notes));
                fromAgent = true;
            }
            else if (fromAgent)
            {
                body = Paragraph(Pick(topic.AgentReplies), topic.AgentReplies, _random.Next(2));
            }
            else
            {
                body = Paragraph(Pick(topic.CustomerReplies), topic.Details, _random.Next(2));
            }
            if (m > 0)
            {
                // Replies come minutes to a day apart (exponential); a recent ticket simply has fewer of them yet.
                var next = at + TimeSpan.FromMinutes(5 + -Math.Log(1 - _random.NextDouble()) * (fromAgent ? 240 : 600));
                if (next >= options.Until)
                {
                    break;
                }
                at = next;
            }
            var messageId = (int)Next(Messages);
            var visibility = internalNote ? 1 : 0;
            batch.Messages.Add([messageId, ticketId, visibility, body, fromAgent ? agentId : null, fromAgent ? null : requester.Id,
                fromAgent ? agentName : requester.Name, at]);
            batch.Documents.Add([Next(SearchDocuments), 1, ticketId, messageId, null, visibility, SearchText.Fold(body)]);
            if (fromAgent && !internalNote && firstResponse is null)
            {
                firstResponse = at;
            }
        }
        DateTime? resolved = category is Resolved or Closed ? Min(at + TimeSpan.FromMinutes(10 + _random.Next(600)), options.Until) : null;
        var updated = resolved ?? at;
        if (category == Closed && resolved is { } r)
        {
            updated = Min(r + TimeSpan.FromDays(3), options.Until);
        }
        DateTime? due = category is New or Open && _random.NextDouble() < 0.6
            ? created + TimeSpan.FromHours(priority switch { 4 => 4, 3 => 8, 2 => 24, _ => 72 })
            : null;

        var spent = 0;
        if (category is Resolved or Closed && _random.NextDouble() < 0.35)
        {
            var entries = 1 + _random.Next(2);
            for (var e = 0; e < entries; e++)
            {
                var minutes = 5 + _random.Next(116);
                spent += minutes;
                var billable = requester.OrganizationId is { } org && _billingOrganizations.Contains(org) && _random.NextDouble() < 0.8;
                batch.TimeEntries.Add([(int)Next(TimeEntries), ticketId, agentId, minutes, e == 0 ? null : "Follow-up", billable, resolved]);
            }
        }

        AddServiceRecord(batch, ticketId, created, priority, firstResponse, resolved, requester, agentId, agentName);

        batch.Tickets.Add([ticketId, subject, _statusByCategory[category], category, priority, type.Id, channel, requester.Id, requester.OrganizationId,
            assigneeId, teamId, fields, created, updated, firstResponse, resolved, due, spent, 1]);
        batch.Documents.Add([Next(SearchDocuments), 0, ticketId, null, null, 0, SearchText.ForTicket(subject, fields)]);
        var tagCount = Weighted([35, 35, 20, 10]);
        var chosen = new HashSet<int>();
        for (var t = 0; t < tagCount; t++)
        {
            // Mostly the topic's usual tags, sometimes any other (the long tail).
            var tagId = _random.NextDouble() < 0.75 && _tagByName.TryGetValue(Pick(Corpus.TopicTags[topicIndex]), out var usual)
                ? usual
                : _tagIds[_random.Next(_tagIds.Count)];
            if (chosen.Add(tagId))
            {
                batch.Tags.Add([ticketId, tagId]);
            }
        }
    }

    /// <summary>
    /// What the desk's modules leave behind a ticket: its SLA targets (met, late or still running), the resolve (and
    /// sometimes reopen) lines of its history, and a satisfaction rating for some resolved tickets.
    /// </summary>
    private void AddServiceRecord(Batch batch, int ticketId, DateTime created, int priority, DateTime? firstResponse, DateTime? resolved,
        CustomerInfo requester, int agentId, string agentName)
    {
        var (firstMinutes, resolutionMinutes) = SlaMinutes[priority];
        void Target(int kind, int minutes, DateTime? achieved)
        {
            var due = Office.AddWorkingTime(created, TimeSpan.FromMinutes(minutes));
            int? business = achieved is { } a ? (int)Office.WorkingTimeBetween(created, a).TotalMinutes : null;
            DateTime? breached = due is { } d && (achieved ?? options.Until) > d ? d : null;
            batch.SlaTargets.Add([Next(SlaTargets), ticketId, kind, 0, _policyId, minutes, created, (long)(business ?? 0) * 60,
                achieved is null ? created : null, due, achieved, business, null, breached]);
        }
        Target(0, firstMinutes, firstResponse);
        Target(2, resolutionMinutes, resolved);

        if (resolved is not { } done)
        {
            return;
        }
        string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        // One resolved ticket in twenty was reopened once: resolved earlier, reopened, resolved again.
        if (_random.NextDouble() < 0.05 && done - created > TimeSpan.FromHours(2))
        {
            var first = created + (done - created) * 0.4;
            var reopened = created + (done - created) * 0.6;
            batch.History.Add([Next(History), ticketId, first, agentId, null, agentName, null, "resolvedAt", null, Iso(first)]);
            batch.History.Add([Next(History), ticketId, reopened, null, requester.Id, requester.Name, null, "resolvedAt", Iso(first), null]);
        }
        batch.History.Add([Next(History), ticketId, done, agentId, null, agentName, null, "resolvedAt", null, Iso(done)]);

        if (_random.NextDouble() < 0.3)
        {
            // Offered on resolution; four in ten answer within a day, mostly happy.
            var answered = _random.NextDouble() < 0.4;
            var ratedAt = answered ? Min(done + TimeSpan.FromHours(1 + _random.Next(24)), options.Until) : (DateTime?)null;
            int? score = answered ? Weighted([5, 5, 10, 30, 50]) + 1 : null;
            var comment = answered && _random.NextDouble() < 0.3 ? Pick(RatingComments) : null;
            batch.Ratings.Add([(int)Next(Ratings), ticketId, requester.Id, done, score, comment, ratedAt, ratedAt]);
        }
    }

    /// <summary>Most requests come in on working days in working hours (São Paulo time, UTC-3).</summary>
    private DateTime WorkingMoment(DateTime moment)
    {
        var day = moment.Date;
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.NextDouble() < 0.8)
        {
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? 2 : 1);
        }
        var hour = _random.NextDouble() < 0.85 ? 11 + _random.NextDouble() * 10 : _random.NextDouble() * 24;
        return Min(day.AddHours(hour), options.Until.AddMinutes(-1));
    }

    /// <summary>Old tickets are closed; recent ones are still being worked on.</summary>
    private int StatusFor(TimeSpan age) => age.TotalDays switch
    {
        > 14 => Weighted([1, 2, 2, 2, 93]),
        > 2 => Weighted([8, 15, 12, 45, 20]),
        _ => Weighted([35, 35, 10, 20, 0]),
    };

    private string FieldsFor(RequestTypeInfo type, CustomerInfo requester)
    {
        var fields = new JsonObject();
        foreach (var (key, fieldType, required, fieldOptions) in type.Fields)
        {
            if (!required && _random.NextDouble() < 0.4)
            {
                continue;
            }
            JsonNode? value = fieldType switch
            {
                0 => Fill("{device}"),
                1 => Fill(Pick(Corpus.English[0].Details)),
                2 => _random.Next(1, 500),
                3 => options.Until.AddDays(-_random.Next(1000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                4 when fieldOptions.Length > 0 => Pick(fieldOptions),
                5 when fieldOptions.Length > 0 => new JsonArray(fieldOptions.Where(_ => _random.NextDouble() < 0.4).Select(o => (JsonNode?)o).ToArray()),
                6 => _random.NextDouble() < 0.5,
                7 => requester.Email,
                _ => null,
            };
            if (value is not null)
            {
                fields[key] = value;
            }
        }
        return fields.ToJsonString();
    }

    private string Paragraph(string first, string[] more, int extra)
    {
        var text = new StringBuilder(Fill(first));
        // Distinct sentences: nobody writes the same line twice in one message.
        var offset = _random.Next(more.Length);
        for (var i = 0; i < Math.Min(extra, more.Length); i++)
        {
            var sentence = more[(offset + i) % more.Length];
            if (sentence != first)
            {
                text.Append(' ').Append(Fill(sentence));
            }
        }
        return text.ToString();
    }

    private string Fill(string template) => template
        .Replace("{n}", _random.Next(2, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{site}", Pick(Corpus.Sites), StringComparison.Ordinal)
        .Replace("{err}", Pick(Corpus.Errors), StringComparison.Ordinal)
        .Replace("{system}", Pick(Corpus.Systems), StringComparison.Ordinal)
        .Replace("{device}", Pick(Corpus.Devices), StringComparison.Ordinal);

    private string PersonName() => $"{Pick(Corpus.FirstNames)} {Pick(Corpus.LastNames)}";

    private static string Slug(string name)
    {
        var folded = SearchText.Fold(name);
        return new string(folded.Select(c => char.IsLetterOrDigit(c) ? c : '.').ToArray());
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private int Weighted(int[] weights) => WeightedIndex(weights.Select(w => (double)w).ToArray());

    private int WeightedIndex(double[] weights)
    {
        var roll = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private long Next(Table table) => _nextId[table.Name]++;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
