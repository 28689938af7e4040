using Atende.Tickets;

namespace Atende.Web.Components.Agent.Tickets;

/// <summary>One line of a ticket's timeline: a message (reply or note, with its attachments) or a change.</summary>
public sealed record TimelineEntry(DateTime At, MessageView? Message, HistoryView? Change)
{
    /// <summary>
    /// Messages and changes in the order they happened, newest last. A message and the changes it caused share a
    /// time; the message comes first so "replied, then status changed" reads in that order.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Merge(IEnumerable<MessageView> messages, IEnumerable<HistoryView> changes) =>
        messages.Select(m => new TimelineEntry(m.CreatedAt, m, null))
            .Concat(changes.Where(Shown).Select(h => new TimelineEntry(h.At, null, h)))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Message is null ? 1 : 0)
            .ThenBy(e => e.Message?.Id ?? e.Change?.Id ?? 0)
            .ToList();

    /// <summary>Changes that only restate a message (first response) or the time log are left to their own panels.</summary>
    private static bool Shown(HistoryView change) => change.Field is not ("firstRespondedAt" or "timeSpentMinutes" or "created");
}
