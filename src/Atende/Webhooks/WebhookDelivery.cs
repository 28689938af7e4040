namespace Atende.Webhooks;

/// <summary>
/// One POST to make, and its log: queued by the outbox handlers, claimed with a lease by the sender on any node,
/// retried with growing pauses and parked after <see cref="MaxAttempts"/> failures. Each try is a
/// <see cref="WebhookAttempt"/>. The body is stored as sent, byte for byte, so a redelivery carries the same
/// signature input.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxAttempts = 8;
    public const int EventMaxLength = 50;
    public const int ErrorMaxLength = 1000;
    public const int SnippetMaxLength = 1000;
    public const int BodyMaxLength = 256 * 1024;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(2);

    private WebhookDelivery() { }

    public WebhookDelivery(int? webhookId, int? ruleId, int? ticketNumber, string url, string? protectedSecret, string eventName, string body, DateTime now)
    {
        WebhookId = webhookId;
        RuleId = ruleId;
        TicketNumber = ticketNumber;
        Url = url;
        ProtectedSecret = protectedSecret;
        Event = eventName;
        Body = body;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }
    /// <summary>The subscription that asked for it; null when a rule's webhook action did.</summary>
    public int? WebhookId { get; private set; }
    public int? RuleId { get; private set; }
    public int? TicketNumber { get; private set; }
    public string Url { get; private set; } = "";
    public string? ProtectedSecret { get; private set; }
    public string Event { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>Tries since it was queued (or redelivered); the backoff grows with it.</summary>
    public int Attempts { get; internal set; }
    /// <summary>When the sender may claim it; null once delivered or parked.</summary>
    public DateTime? NextAttemptAt { get; private set; }
    public string? LockedBy { get; internal set; }
    public DateTime? LockedUntil { get; internal set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    /// <summary>Parked: every attempt failed; only a redelivery sends it again.</summary>
    public DateTime? FailedAt { get; private set; }

    public WebhookDeliveryState State => DeliveredAt is not null ? WebhookDeliveryState.Delivered
        : FailedAt is not null ? WebhookDeliveryState.Failed
        : WebhookDeliveryState.Pending;

    public void Succeeded(int statusCode, DateTime now)
    {
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = now;
        NextAttemptAt = null;
        Release();
    }

    /// <summary>1, 2, 4, 8 … minutes between tries, capped; parked after the last one.</summary>
    public void AttemptFailed(int? statusCode, string error, DateTime now)
    {
        LastStatusCode = statusCode;
        LastError = Truncate(error, ErrorMaxLength);
        if (Attempts >= MaxAttempts)
        {
            FailedAt = now;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = now + Backoff(Attempts);
        }
        Release();
    }

    public static TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Max(0, failedAttempts - 1))));

    /// <summary>Sends it again now, with a fresh set of attempts; the log keeps the earlier ones.</summary>
    public void Redeliver(DateTime now)
    {
        Attempts = 0;
        DeliveredAt = null;
        FailedAt = null;
        NextAttemptAt = now;
        Release();
    }

    private void Release()
    {
        LockedBy = null;
        LockedUntil = null;
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One try of a delivery: what came back (status, the start of the response), or why nothing did, and how long it took.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt() { }

    public WebhookAttempt(long deliveryId, DateTime startedAt, int durationMs, int? statusCode, string? responseSnippet, string? error)
    {
        DeliveryId = deliveryId;
        StartedAt = startedAt;
        DurationMs = durationMs;
        StatusCode = statusCode;
        ResponseSnippet = responseSnippet is null ? null : WebhookDelivery.Truncate(responseSnippet, WebhookDelivery.SnippetMaxLength);
        Error = error is null ? null : WebhookDelivery.Truncate(error, WebhookDelivery.ErrorMaxLength);
    }

    public long Id { get; private set; }
    public long DeliveryId { get; private set; }
    public DateTime StartedAt { get; private set; }
    public int DurationMs { get; private set; }
    public int? StatusCode { get; private set; }
    public string? ResponseSnippet { get; private set; }
    public string? Error { get; private set; }
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
