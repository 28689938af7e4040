using System.Diagnostics;
using Atende.Accounts;
using Atende.Agents;
using Atende.Catalog;
using Atende.Customers;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Atende.Demo;

/// <summary>
/// Fills a realistic demo desk (<c>--seed-demo</c>): five client organizations and their contacts, three teams
/// of agents who can sign in, extra request types with forms, and 300 tickets over the last 90 days in English
/// and Portuguese. The tickets are not inserted as rows: their stories are replayed through the same handlers
/// the API uses, each at its own moment on a demo clock, so history, first-response stamps, outbox events and
/// the search index are exactly what real use would have produced. Does nothing once any organization exists.
/// </summary>
public sealed partial class SeedDemo(AtendeDb db, UserManager<UserAccount> users, TimeProvider time, ILogger<SeedDemo> logger)
{
    /// <summary>Every demo agent, and the two demo portal customers, sign in with this. Documented in the log.</summary>
    public const string DemoPassword = "demo-password-123";

    /// <summary>Fixed so that every run tells the same story, which makes demos and bug reports repeatable.</summary>
    private const int Seed = 20_261_124;

    public async Task HandleAsync(CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(ct))
        {
            LogAlreadyPresent(logger);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        // The people and the catalog exist before the first ticket of the 90 days.
        var clock = new DemoClock(now.AddDays(-120));
        var random = new Random(Seed);

        // One transaction: a seed that fails half-way leaves nothing behind, so the next run starts clean
        // instead of taking a broken half for a finished demo.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (cast, agentEmails, portalEmails) = await CastAsync(clock, random, ct);
        var steps = new DemoTimeline(random, now, cast).Plan();
        await PlayAsync(steps, clock, ct);
        await DemoArticles.AddAsync(db, now, ct);
        // The demo's past is history, not news: rules, notifications and webhooks must not fire for it.
        await db.Outbox.Where(m => m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now), ct);
        await transaction.CommitAsync(ct);

        LogSeeded(logger, DemoPeople.Organizations.Length, cast.Customers.Count, agentEmails.Count,
            steps.OfType<OpenStep>().Count(), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        LogSignIn(logger, string.Join(", ", agentEmails), DemoPassword, string.Join(", ", portalEmails));
    }

    private async Task<(DemoCast Cast, List<string> AgentEmails, List<string> PortalEmails)> CastAsync(
        DemoClock clock, Random random, CancellationToken ct)
    {
        var teams = DemoPeople.Teams.Select(t => new Team(t.Name, t.Description)).ToList();
        db.Teams.AddRange(teams);
        db.RequestTypes.AddRange(DemoCatalog.RequestTypes());
        await db.SaveChangesAsync(ct);
        var teamIds = teams.ToDictionary(t => t.Name, t => t.Id);

        var createAgent = new CreateAgent(db, users, clock);
        var agents = new List<(DemoAgent Agent, string[] Teams)>();
        var agentEmails = new List<string>();
        foreach (var spec in DemoPeople.Agents)
        {
            clock.Now = clock.Now.AddMinutes(7 + random.Next(50));
            var email = DemoTimeline.EmailLocalPart(spec.Name) + "@" + DemoPeople.AgentDomain;
            var view = await createAgent.HandleAsync(new CreateAgentRequest(email, spec.Name,
                spec.Admin ? AgentRole.Admin : AgentRole.Agent, spec.Teams.Select(t => teamIds[t]).ToList(), spec.Skills, DemoPassword),
                Caller.System, ct);
            var agent = await db.Agents.AsNoTracking().SingleAsync(a => a.Id == view.Id, ct);
            agents.Add((new DemoAgent(view.Id, view.Name, LoadCaller.ForAgent(agent, view.TeamIds)), spec.Teams));
            agentEmails.Add(view.Email);
        }

        var createCustomer = new CreateCustomer(db, users, clock);
        var customers = new List<DemoCustomer>();
        var portalEmails = new List<string>();
        foreach (var spec in DemoPeople.Organizations)
        {
            clock.Now = clock.Now.AddHours(2 + random.Next(30));
            var organization = new Organization(spec.Name, clock.Now);
            organization.ShareTickets(spec.SharesTickets);
            organization.SetDomains(spec.Domains);
            organization.SetNotes(spec.Notes);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < spec.Contacts.Length; i++)
            {
                // Some contacts of a company with two domains write from the second one.
                var domain = spec.Domains[i % 3 == 2 ? spec.Domains.Length - 1 : 0];
                customers.Add(await CreateContactAsync(createCustomer, spec.Contacts[i], domain, organization, clock, random, portalEmails, ct));
            }
        }
        foreach (var spec in DemoPeople.Individuals)
        {
            customers.Add(await CreateContactAsync(createCustomer, spec, DemoPeople.PersonalDomain, null, clock, random, portalEmails, ct));
        }

        var statuses = await db.Statuses.AsNoTracking().OrderBy(s => s.Position).ToListAsync(ct);
        var statusKeys = Enum.GetValues<StatusCategory>().ToDictionary(c => c, c =>
            statuses.FirstOrDefault(s => s.Category == c)?.Key
            ?? throw new BusinessRuleException($"The demo needs a status of category {c}; none exists."));
        db.ChangeTracker.Clear();

        var teamsByName = teams.ToDictionary(t => t.Name, t => new DemoTeam(t.Id, t.Name,
            agents.Where(a => a.Teams.Contains(t.Name)).Select(a => a.Agent).ToList()));
        return (new DemoCast(customers, teamsByName, statusKeys), agentEmails, portalEmails);
    }

    private async Task<DemoCustomer> CreateContactAsync(CreateCustomer createCustomer, DemoContactSpec spec, string domain,
        Organization? organization, DemoClock clock, Random random, List<string> portalEmails, CancellationToken ct)
    {
        clock.Now = clock.Now.AddMinutes(5 + random.Next(240));
        var email = DemoTimeline.EmailLocalPart(spec.Name) + "@" + domain;
        var phone = random.NextDouble() < 0.5 ? null
            : spec.Language == DemoPhrases.Portuguese ? $"+55 11 9{random.Next(1000, 10000)}-{random.Next(1000, 10000)}"
            // 555-0100 to 555-0199 are reserved for fiction in North America.
            : $"+1 617-555-01{random.Next(10, 100)}";
        var view = await createCustomer.HandleAsync(new CreateCustomerRequest(email, spec.Name, organization?.Id, spec.Language,
            spec.SignsIn ? DemoPassword : null, phone, spec.Notes), Caller.System, ct);
        if (spec.SignsIn)
        {
            portalEmails.Add(view.Email);
        }
        var caller = new Caller(null, null, view.Id, null, [], organization?.Id, organization?.SharesTickets ?? false, view.Name);
        return new DemoCustomer(view.Id, view.Email, view.Name, view.Language, organization?.Name, 1 + random.Next(4), caller);
    }

    /// <summary>Replays the steps in time order, each through its handler, as the person who took it.</summary>
    private async Task PlayAsync(IReadOnlyList<DemoStep> steps, DemoClock clock, CancellationToken ct)
    {
        var openTicket = new OpenTicket(db, clock, new FindOrCreateCustomer(db, clock), new EnsureTags(db), new AttachFiles(db));
        var addMessage = new AddMessage(db, clock, new AttachFiles(db));
        var updateTicket = new UpdateTicket(db, clock, new EnsureTags(db), new Portal.GetPortalSettings(db));
        var logTime = new LogTime(db, clock);
        var linkTickets = new LinkTickets(db, clock);
        var mergeTickets = new MergeTickets(db, clock);

        foreach (var step in steps)
        {
            clock.Now = step.At;
            try
            {
                switch (step)
                {
                    case OpenStep open:
                        open.Ticket.Number = (await openTicket.HandleAsync(open.Request, open.Actor, ct)).Id;
                        break;
                    case MessageStep message:
                        await addMessage.HandleAsync(message.Ticket.Number, new AddMessageRequest(message.Body, message.Visibility), message.Actor, ct);
                        break;
                    case UpdateStep update:
                        await updateTicket.HandleAsync(update.Ticket.Number, update.Request, null, update.Actor, ct);
                        break;
                    case TimeStep entry:
                        await logTime.HandleAsync(entry.Ticket.Number, entry.Request, entry.Actor, ct);
                        break;
                    case LinkStep link:
                        await linkTickets.HandleAsync(link.Ticket.Number, new LinkTicketsRequest(link.Other.Number, LinkKind.Relates), link.Actor, ct);
                        break;
                    case MergeStep merge:
                        await mergeTickets.HandleAsync(merge.Ticket.Number, new MergeTicketsRequest(merge.Into.Number), merge.Actor, ct);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown demo step {step.GetType().Name}.");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"Demo step {step.GetType().Name} on ticket #{step.Ticket.Number} ({step.Ticket.Scenario.Key}) by {step.Actor.Name} failed: {e.Message}", e);
            }
            // Each step is a request of its own in real life: forget what it loaded, so tracking stays cheap.
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is already present (an organization exists); --seed-demo changed nothing.")]
    private static partial void LogAlreadyPresent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo desk seeded: {Organizations} organizations, {Customers} customers, {Agents} agents, {Tickets} tickets in {ElapsedMs} ms.")]
    private static partial void LogSeeded(ILogger logger, int organizations, int customers, int agents, int tickets, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo sign-ins — agents: {AgentEmails}; portal customers: {CustomerEmails}; password for all: {Password}. Do not use the demo on a public server.")]
    private static partial void LogSignIn(ILogger logger, string agentEmails, string password, string customerEmails);

    /// <summary>A clock the seed sets to each step's moment, so every stamp lands where the story puts it.</summary>
    private sealed class DemoClock(DateTime start) : TimeProvider
    {
        public DateTime Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }
}
