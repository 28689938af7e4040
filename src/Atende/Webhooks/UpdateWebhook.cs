using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

/// <summary>PATCH: only the properties present change; <c>"secret": null</c> removes the secret.</summary>
public sealed record UpdateWebhookRequest
{
    public Optional<string> Name { get; init; }
    public Optional<string> Url { get; init; }
    public Optional<IReadOnlyList<string>> Events { get; init; }
    public Optional<string?> Secret { get; init; }
    public Optional<bool?> Active { get; init; }
}

/// <summary>Changes a webhook (admins). Deliveries already queued sign with the new secret.</summary>
public sealed class UpdateWebhook(AtendeDb db, TimeProvider clock, IDataProtectionProvider protection)
{
    public async Task<WebhookView> HandleAsync(int id, UpdateWebhookRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException($"Webhook {id}");
        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, Webhook.NameMaxLength, required: true) : null;
        var url = request.Url.IsSet ? WebhookInput.Url(request.Url.Value, errors, required: true) : null;
        var events = request.Events.IsSet ? WebhookInput.Events(request.Events.Value, errors, required: true) : null;
        var secret = request.Secret.IsSet ? WebhookInput.Secret(request.Secret.Value, errors) : null;
        if (request.Active is { IsSet: true, Value: null })
        {
            errors.Add("active", "cannot be empty.");
        }
        errors.ThrowIfAny();

        Optional<string?> protectedSecret = request.Secret.IsSet
            ? new Optional<string?>(true, secret is null ? null : WebhookRequest.ProtectSecret(protection, secret))
            : default;
        webhook.Change(name, url, protectedSecret, events, request.Active.IsSet ? request.Active.Value : null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WebhookView.Of(webhook);
    }
}
