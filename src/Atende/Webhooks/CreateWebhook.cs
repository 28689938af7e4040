using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace Atende.Webhooks;

public sealed record CreateWebhookRequest(string? Name, string? Url, IReadOnlyList<string>? Events, string? Secret = null, bool? Active = null);

/// <summary>Registers a webhook (admins). The secret is protected before it is stored and never returned.</summary>
public sealed class CreateWebhook(AtendeDb db, TimeProvider clock, IDataProtectionProvider protection)
{
    public async Task<WebhookView> HandleAsync(CreateWebhookRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, Webhook.NameMaxLength, required: true);
        var url = WebhookInput.Url(request.Url, errors, required: true);
        var events = WebhookInput.Events(request.Events, errors, required: true);
        var secret = WebhookInput.Secret(request.Secret, errors);
        errors.ThrowIfAny();

        var webhook = new Webhook(name!, url!, secret is null ? null : WebhookRequest.ProtectSecret(protection, secret), events!,
            request.Active ?? true, clock.GetUtcNow().UtcDateTime);
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(ct);
        return WebhookView.Of(webhook);
    }
}
