namespace Atende.Persistence;

/// <summary>
/// The first answer to a creating POST sent with an Idempotency-Key, so a retry gets the same answer and
/// creates nothing. A row with no <see cref="StatusCode"/> is a request still in flight.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public int AccountId { get; set; }
    public string Key { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public int? StatusCode { get; set; }
    public string? Body { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAt { get; set; }
}
