using Microsoft.AspNetCore.DataProtection;

namespace Atende.Webhooks;

/// <summary>
/// "Call this URL with this body": what a rule's webhook action writes to the outbox (type <see cref="MessageType"/>).
/// The webhook module turns it into a <c>WebhookDelivery</c> that is signed, sent, retried and logged. The secret
/// travels protected (Data Protection), never as plain text in a database row.
/// </summary>
public sealed record WebhookRequest(string Url, string? ProtectedSecret, string Event, string BodyJson, int? RuleId, int? TicketNumber)
{
    public const string MessageType = "webhook.requested";
    private const string Purpose = "Atende.Webhooks.Secret.v1";

    public static string ProtectSecret(IDataProtectionProvider protection, string secret) =>
        protection.CreateProtector(Purpose).Protect(secret);

    public static string UnprotectSecret(IDataProtectionProvider protection, string protectedSecret) =>
        protection.CreateProtector(Purpose).Unprotect(protectedSecret);
}
