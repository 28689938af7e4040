using System.Net.Http.Json;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Reporting;

/// <summary>What the data sets of the sla, satisfaction, agents and time reports are built with: ticket changes through the API, then the outbox.</summary>
public static class ReportActions
{
    public static async Task ReplyAsync(this HttpClient client, int number, string body = "Working on it.", string visibility = "public")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, visibility });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task ChangeAsync(this HttpClient client, int number, object body)
    {
        var response = await client.PatchAsJsonAsync($"/api/v1/tickets/{number}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task LogTimeAsync(this HttpClient client, int number, int minutes, bool billable)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/time-entries", new { minutes, billable });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task RateAsync(this HttpClient requester, int number, int score, string? comment = null)
    {
        var response = await requester.PostAsJsonAsync($"/api/v1/tickets/{number}/satisfaction", new { score, comment });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> CsvAsync(this HttpClient client, string name, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/{name}?{query}");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Runs the outbox until nothing is left (the background loop runs too: wait for what it holds).</summary>
    public static async Task DrainAsync(this AtendeFactory factory)
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 3; round++)
        {
            while (await dispatcher.DispatchOnceAsync(default) > 0)
            {
            }
            var db = factory.CreateDb();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 100 && await db.Outbox.AnyAsync(m => m.ProcessedAt == null && m.AvailableAt <= now); i++)
            {
                await Task.Delay(50);
                while (await dispatcher.DispatchOnceAsync(default) > 0)
                {
                }
            }
        }
    }

    /// <summary>Fires the timers that are due (SLA warnings and breaches), then runs the outbox.</summary>
    public static async Task FireAndDrainAsync(this AtendeFactory factory)
    {
        await factory.DrainAsync();
        var scheduler = factory.Services.GetRequiredService<FireScheduledEvents>();
        while (await scheduler.FireOnceAsync(default) > 0)
        {
        }
        await factory.DrainAsync();
    }
}
