using System.Text.Json;
using Atende.Accounts;
using Atende.Email;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

/// <summary>Outbox event: an agent's digest is due (written by the scheduler when it moves their digest timer on).</summary>
public sealed record AgentDigestDue(int AgentId, DateTime At)
{
    public const string Type = "notification.digest";
}

/// <summary>
/// Sends an agent's daily digest: one mail listing what they would have been mailed since the last one, in their
/// language, and nothing on a day with nothing. The items listed are removed in the same transaction, so a retry
/// or the next digest never lists them again; items about tickets the agent can no longer see are dropped unlisted.
/// </summary>
public sealed class SendAgentDigest(TimeProvider clock, AgentMail mail) : IOutboxHandler
{
    /// <summary>Enough for a day of a busy agent; anything beyond waits for the next digest rather than making one huge mail.</summary>
    public const int MaxLines = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "notification-digest";

    public bool Handles(string type) => type == AgentDigestDue.Type;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var due = JsonSerializer.Deserialize<AgentDigestDue>(message.Payload, Json);
        if (due is null)
        {
            return;
        }
        var agent = await db.Agents.AsNoTracking()
            .Where(a => a.Id == due.AgentId && a.Active)
            .Join(db.Users, a => a.AccountId, u => u.Id, (a, u) => new
            {
                a.Id, a.AccountId, a.Name, a.Email, a.Role, Teams = a.Memberships.Select(m => m.TeamId).ToList(), u.Language, u.TimeZone,
            })
            .FirstOrDefaultAsync(ct);
        if (agent is null)
        {
            return;
        }
        var items = await db.DigestItems.AsNoTracking().Where(i => i.AgentId == agent.Id).OrderBy(i => i.Id).Take(MaxLines).ToListAsync(ct);
        if (items.Count == 0)
        {
            return;
        }
        var recipient = new Caller(agent.AccountId, agent.Id, null, agent.Role, agent.Teams, null, false, agent.Name);
        var ticketIds = items.Select(i => i.TicketId).Distinct().ToList();
        var visible = await db.Tickets.VisibleTo(recipient).Where(t => ticketIds.Contains(t.Id)).Select(t => new { t.Id, t.Subject })
            .ToDictionaryAsync(t => t.Id, t => t.Subject, ct);
        var lines = items.Where(i => visible.ContainsKey(i.TicketId))
            .Select(i => new DigestLine(i.Event, i.TicketId, visible[i.TicketId], i.ActorName, i.Detail, i.CreatedAt))
            .ToList();
        if (lines.Count > 0)
        {
            var language = agent.Language is "pt-BR" ? "pt-BR" : "en";
            var now = clock.GetUtcNow().UtcDateTime;
            var rendered = await mail.ComposeDigestAsync(db, language, NotificationPreferences.Zone(agent.TimeZone), agent.Name, now, lines, ct);
            db.OutboundEmails.Add(new OutboundEmail("agent." + AgentEvents.DigestKey, agent.Email, agent.Name, language,
                rendered.Subject, rendered.Text, rendered.Html, null, now));
        }
        var ids = items.Select(i => i.Id).ToList();
        await db.DigestItems.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
