using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Webhooks.Tests;

/// <summary>The production default: a webhook aimed at the server's own network is refused when dialled, and says why.</summary>
public sealed class WebhookDestinationTests(WebhookDestinationTests.ProductionSettings factory) : IClassFixture<WebhookDestinationTests.ProductionSettings>
{
    public sealed class ProductionSettings : Web.Tests.AtendeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [WebhookDestination.AllowPrivateNetworksSetting] = "false" };
    }

    [Fact]
    public async Task A_webhook_to_a_loopback_receiver_is_refused_and_the_receiver_hears_nothing()
    {
        var desk = await Web.Tests.Desk.BuildAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { name = $"Internal {desk.Suffix}", url = receiver.Url, events = new[] { "ticket.created" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var webhookId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();

        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Aimed inside");
        JsonObject? delivery = null;
        for (var i = 0; i < 100 && delivery?["log"]?.AsArray().Count is null or 0; i++)
        {
            await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
            await factory.Services.GetRequiredService<WebhookSender>().DeliverOnceAsync(default);
            var items = (await desk.Admin.GetFromJsonAsync<JsonObject>($"/api/v1/webhooks/{webhookId}/deliveries"))!["items"]!.AsArray();
            delivery = items.OfType<JsonObject>().FirstOrDefault(d => d["ticketNumber"]!.GetValue<int>() == number);
            await Task.Delay(50);
        }

        var attempt = Assert.Single(delivery!["log"]!.AsArray())!;
        Assert.Null(attempt["statusCode"]);
        Assert.Contains("private or local network address (127.0.0.1)", attempt["error"]!.GetValue<string>());
        Assert.Empty(receiver.Requests);
    }
}
