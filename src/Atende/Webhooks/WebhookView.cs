namespace Atende.Webhooks;

/// <summary>A webhook as the API shows it: the secret is write-only, <c>hasSecret</c> says whether one is set.</summary>
public sealed record WebhookView(int Id, string Name, string Url, IReadOnlyList<string> Events, bool Active, bool HasSecret, DateTime CreatedAt, DateTime UpdatedAt)
{
    internal static WebhookView Of(Webhook w) => new(w.Id, w.Name, w.Url, w.EventList, w.Active, w.ProtectedSecret is not null, w.CreatedAt, w.UpdatedAt);
}

public sealed record WebhookAttemptView(DateTime StartedAt, int DurationMs, int? StatusCode, string? ResponseSnippet, string? Error);

/// <summary>One delivery in the log, with its tries (oldest first).</summary>
public sealed record WebhookDeliveryView(
    long Id,
    string Event,
    int? TicketNumber,
    int? RuleId,
    WebhookDeliveryState State,
    int Attempts,
    DateTime CreatedAt,
    DateTime? NextAttemptAt,
    DateTime? DeliveredAt,
    DateTime? FailedAt,
    int? LastStatusCode,
    string? LastError,
    string Body,
    IReadOnlyList<WebhookAttemptView> Log);

/// <summary>Name, URL, events and secret as create and update carry them.</summary>
internal static class WebhookInput
{
    public static string? Url(string? value, ValidationErrors errors, bool required)
    {
        var url = errors.Text("url", value, Webhook.UrlMaxLength, required);
        if (url is null)
        {
            return null;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("url", "must be an absolute http:// or https:// URL.");
            return null;
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add("url", "must not contain a user name or password; use the secret to authenticate.");
            return null;
        }
        return url;
    }

    public static IReadOnlyList<string>? Events(IReadOnlyList<string>? events, ValidationErrors errors, bool required)
    {
        if (events is null)
        {
            if (required)
            {
                errors.Add("events", "is required: the ticket events to send.");
            }
            return null;
        }
        if (events.Count == 0)
        {
            errors.Add("events", "must list at least one event.");
            return null;
        }
        var unknown = events.Where(e => !Webhook.SubscribableEvents.Contains(e, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("events", $"unknown event {string.Join(", ", unknown)}; use {string.Join(", ", Webhook.SubscribableEvents)}.");
            return null;
        }
        return events.Distinct(StringComparer.Ordinal).ToList();
    }

    public static string? Secret(string? value, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length is < 8 or > Webhook.SecretMaxLength)
        {
            errors.Add("secret", $"must be {8} to {Webhook.SecretMaxLength} characters.");
            return null;
        }
        return value;
    }
}
