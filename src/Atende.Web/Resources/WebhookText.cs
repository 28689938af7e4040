namespace Atende.Web.Resources;

/// <summary>Texts of the webhooks administration: subscriptions and their delivery log.</summary>
public sealed class WebhookText;
