using Atende.Email;
using Atende.Persistence;
using Microsoft.Extensions.Configuration;

namespace Atende.Notifications;

/// <summary>What an agent's notification mail says: who did what on which ticket.</summary>
public sealed record AgentMailFacts(string AgentName, int TicketNumber, string TicketSubject, string ActorName, string? Detail);

/// <summary>One line of a digest.</summary>
public sealed record DigestLine(AgentEvent Event, int TicketNumber, string TicketSubject, string ActorName, string? Detail, DateTime At);

/// <summary>
/// The text of the mails agents get: one per event (<c>agent.&lt;event&gt;</c>) and the daily digest
/// (<c>agent.digest</c>), in the agent's language, from the desk's editable email templates.
/// </summary>
public sealed class AgentMail(IConfiguration configuration)
{
    public string TicketUrl(int number) => $"{PublicAddress.Of(configuration)}/agent/tickets/{number}";

    public string PreferencesUrl => $"{PublicAddress.Of(configuration)}/agent/notification-preferences";

    public Task<(string Subject, string Text, string? Html)> ComposeAsync(AtendeDb db, AgentEvent e, string language, AgentMailFacts facts, CancellationToken ct)
    {
        _ = db;
        _ = ct;
        var subject = $"[#{facts.TicketNumber}] {facts.TicketSubject}";
        var text = $"{AgentEvents.KeyOf(e)}: {facts.ActorName}{(facts.Detail is null ? "" : " (" + facts.Detail + ")")}\n\n{TicketUrl(facts.TicketNumber)}";
        return Task.FromResult<(string, string, string?)>((subject, text, null));
    }

    public Task<(string Subject, string Text, string? Html)> ComposeDigestAsync(AtendeDb db, string language, string agentName,
        IReadOnlyList<DigestLine> lines, CancellationToken ct)
    {
        _ = db;
        _ = ct;
        var subject = $"Atende: {lines.Count}";
        var text = string.Join("\n", lines.Select(l => $"#{l.TicketNumber} {l.TicketSubject}: {AgentEvents.KeyOf(l.Event)} ({l.ActorName})"))
            + "\n\n" + PreferencesUrl;
        return Task.FromResult<(string, string, string?)>((subject, text, null));
    }
}
