using System.Globalization;
using System.Resources;
using Atende.Email;
using Atende.Email.Templates;
using Atende.Persistence;
using Atende.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Atende.Notifications;

/// <summary>What an agent's notification mail is about: which ticket, who did it, and the event's own facts.</summary>
public sealed record AgentMailFacts(
    string RecipientName,
    int TicketNumber,
    string ActorName,
    int? MessageId = null,
    string? SlaKey = null,
    IReadOnlyList<string>? ChangedFields = null);

/// <summary>One line of a digest.</summary>
public sealed record DigestLine(AgentEvent Event, int TicketNumber, string TicketSubject, string ActorName, string? Detail, DateTime At);

/// <summary>
/// The mails agents get, rendered from the desk's editable templates (<see cref="EmailTemplates"/>, keys
/// <c>agent.&lt;event&gt;</c> and <c>agent.digest</c>) in the agent's language. The few phrases a template cannot
/// hold (an SLA target's name, a digest line) come from AgentMailText.
/// </summary>
public sealed class AgentMail(IConfiguration configuration)
{
    private static readonly ResourceManager Text = new(typeof(AgentMailText).FullName!, typeof(AgentMailText).Assembly);

    public string TicketUrl(int number) => $"{PublicAddress.Of(configuration)}/agent/tickets/{number}";

    public string NotificationsUrl => $"{PublicAddress.Of(configuration)}/agent/notifications";

    public async Task<RenderedEmail> ComposeAsync(AtendeDb db, AgentEvent e, string language, TimeZoneInfo zone, AgentMailFacts facts, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == facts.TicketNumber)
            .Select(t => new
            {
                t.Id, t.Subject, Status = t.Status.Name, t.Priority, RequesterName = t.Requester.Name, RequesterEmail = t.Requester.Email,
                TeamName = t.Team == null ? null : t.Team.Name,
            })
            .FirstAsync(ct);
        var values = new TemplateValues()
            .Set("ticket.number", ticket.Id.ToString(CultureInfo.InvariantCulture))
            .Set("ticket.subject", ticket.Subject)
            .SetUrl("ticket.url", TicketUrl(ticket.Id))
            .Set("ticket.status", ticket.Status)
            .Set("ticket.priority", ticket.Priority.ToString().ToLowerInvariant())
            .Set("requester.name", ticket.RequesterName)
            .Set("requester.email", ticket.RequesterEmail)
            .Set("recipient.name", facts.RecipientName)
            .Set("desk.name", await DeskNameAsync(db, ct))
            .Set("team.name", ticket.TeamName)
            .Set("actor.name", facts.ActorName);
        if (facts.MessageId is { } messageId)
        {
            values.Set("message.body", await db.Set<Tickets.Message>().AsNoTracking().Where(m => m.Id == messageId).Select(m => m.Body).FirstOrDefaultAsync(ct));
        }
        else if (e == AgentEvent.NewTicket)
        {
            // A new ticket's description is its first message.
            values.Set("message.body", await db.Set<Tickets.Message>().AsNoTracking().Where(m => m.TicketId == ticket.Id).OrderBy(m => m.Id)
                .Select(m => m.Body).FirstOrDefaultAsync(ct));
        }
        if (facts.ChangedFields is { Count: > 0 } fields)
        {
            values.Set("change.summary", T(culture, "Changed", string.Join(", ", fields.Select(f => T(culture, "Field." + f)))));
        }
        if (facts.SlaKey is { } key)
        {
            values.Set("sla.target", T(culture, "Target." + key));
            var kind = SlaTarget.KindOf(key);
            var due = await db.SlaTargets.AsNoTracking().Where(t => t.TicketId == ticket.Id && t.Kind == kind).OrderByDescending(t => t.Cycle)
                .Select(t => t.DueAt).FirstOrDefaultAsync(ct);
            values.Set("sla.dueAt", due is { } d ? Local(d, zone).ToString("g", culture) : "");
        }
        return await EmailTemplates.RenderAsync(db, AgentEvents.EmailKind(e), language, values, ct);
    }

    public async Task<RenderedEmail> ComposeDigestAsync(AtendeDb db, string language, TimeZoneInfo zone, string recipientName, DateTime now,
        IReadOnlyList<DigestLine> lines, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var items = lines.Select(l => T(culture, "Line", Local(l.At, zone).ToString("g", culture), l.TicketNumber, l.TicketSubject, Phrase(culture, l)));
        var values = new TemplateValues()
            .Set("recipient.name", recipientName)
            .Set("desk.name", await DeskNameAsync(db, ct))
            // The digest goes out in the morning: it is about the day before.
            .Set("digest.date", Local(now, zone).Date.AddDays(-1).ToString("D", culture))
            .Set("digest.count", lines.Count.ToString(culture))
            .Set("digest.items", string.Join("\n", items))
            .SetUrl("digest.url", NotificationsUrl);
        return await EmailTemplates.RenderAsync(db, "agent." + AgentEvents.DigestKey, language, values, ct);
    }

    private static string Phrase(CultureInfo culture, DigestLine line) =>
        line.Event is AgentEvent.SlaWarning or AgentEvent.SlaBreached
            ? T(culture, "Event." + AgentEvents.KeyOf(line.Event), T(culture, "Target." + (line.Detail ?? "resolution")))
            : T(culture, "Event." + AgentEvents.KeyOf(line.Event), line.ActorName);

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static async Task<string> DeskNameAsync(AtendeDb db, CancellationToken ct) =>
        await db.PortalSettings.AsNoTracking().Select(s => s.BrandName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : "Atende";

    private static string T(CultureInfo culture, string key, params object[] args) =>
        string.Format(culture, Text.GetString(key, culture) ?? key, args);
}
