namespace Atende.Persistence;

/// <summary>
/// Work that follows a change (rules, notifications, email, webhooks, live updates — later issues).
/// The dispatcher calls <see cref="HandleAsync"/> inside a transaction that also records the handler as done,
/// so whatever the handler writes through <paramref name="db"/> commits exactly once.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>Stable name: it is stored to remember which handlers finished a message.</summary>
    string Name { get; }

    bool Handles(string type);

    Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct);
}
