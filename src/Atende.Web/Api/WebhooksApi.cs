using Atende.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/webhooks — signed HTTP callbacks for ticket events, and their delivery log (admins).</summary>
public static class WebhooksApi
{
    public static void MapWebhooksApi(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/", List).WithSummary("Every webhook, by name (admins)");
        webhooks.MapGet("/{id:int}", Get).WithSummary("Read a webhook; the secret is never returned, hasSecret says whether one is set");
        webhooks.MapPost("/", Create).WithSummary("Register a webhook: name, http(s) url, events, optional secret (admins)");
        webhooks.MapPatch("/{id:int}", Update).WithSummary("Change a webhook; \"secret\": null removes the secret (admins)");
        webhooks.MapDelete("/{id:int}", Delete).WithSummary("Delete a webhook and its delivery log (admins)");
        webhooks.MapGet("/{id:int}/deliveries", Deliveries).WithSummary("The delivery log, newest first, with every attempt (admins)");
        webhooks.MapGet("/rule-deliveries", RuleDeliveries).WithSummary("The deliveries a rule's webhook action asked for, newest first (admins)");
        webhooks.MapPost("/{id:int}/deliveries/{deliveryId:long}/redeliver", Redeliver).WithSummary("Send a delivery again now (admins)");
    }

    private static async Task<Ok<IReadOnlyList<WebhookView>>> List(ListWebhooks list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<Ok<WebhookView>> Get(int id, GetWebhook get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<WebhookView>> Create(CreateWebhookRequest request, CreateWebhook create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/webhooks/{view.Id}", view);
    }

    private static async Task<Ok<WebhookView>> Update(int id, UpdateWebhookRequest request, UpdateWebhook update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> Delete(int id, DeleteWebhook delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Atende.Page<WebhookDeliveryView>>> Deliveries(int id, [AsParameters] ListWebhookDeliveriesRequest request, ListWebhookDeliveries list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(id, request, caller.Value, ct));

    private static async Task<Ok<Atende.Page<WebhookDeliveryView>>> RuleDeliveries([AsParameters] ListRuleWebhookDeliveriesRequest request, ListRuleWebhookDeliveries list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Accepted<WebhookDeliveryView>> Redeliver(int id, long deliveryId, RedeliverWebhook redeliver, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await redeliver.HandleAsync(id, deliveryId, caller.Value, ct));
}
