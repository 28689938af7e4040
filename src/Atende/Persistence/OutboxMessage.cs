namespace Atende.Persistence;

/// <summary>
/// Work caused by a change, written in the change's transaction. A dispatcher claims it with a lease
/// (<see cref="LockedUntil"/>), so a crashed node's claim expires and another node picks the row up.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime AvailableAt { get; set; }
    public int Attempts { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A handler finished a message: written in the handler's own transaction, so a retry skips it.</summary>
public sealed class OutboxHandled
{
    public long MessageId { get; set; }
    public string Handler { get; set; } = "";
    public DateTime At { get; set; }
}
