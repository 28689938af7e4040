using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.People;

/// <summary>Small helpers the people API tests share: who a client is, and reading a list through every page.</summary>
internal static class PeopleApi
{
    public static async Task<int> AgentIdAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/me"))["agentId"]!.GetValue<int>();

    public static async Task<int> CustomerIdAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/me"))["customerId"]!.GetValue<int>();

    /// <summary>Posts, asserts 201 (showing the body when not), and returns the created resource.</summary>
    public static async Task<JsonObject> CreateAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>Patches, asserts 200 (showing the body when not), and returns the changed resource.</summary>
    public static async Task<JsonObject> ChangeAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PatchAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PatchRawAsync(this HttpClient client, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    public static int Id(this JsonNode node) => node["id"]!.GetValue<int>();

    public static IReadOnlyList<int> Ids(this JsonObject page) => page["items"]!.AsArray().Select(i => i!.Id()).ToList();

    /// <summary>
    /// Follows nextCursor from the first page to the last, asserting every page but the last is full,
    /// and returns the ids in the order they came. <paramref name="url"/> already has a query string.
    /// </summary>
    public static async Task<(IReadOnlyList<int> Ids, int Pages)> ReadAllPagesAsync(this HttpClient client, string url, int limit)
    {
        var ids = new List<int>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync($"{url}&limit={limit}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            pages++;
            var items = page.Ids();
            cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is not null)
            {
                Assert.Equal(limit, items.Count);
            }
            ids.AddRange(items);
            Assert.True(pages < 100, "paging does not end");
        }
        while (cursor is not null);
        return (ids, pages);
    }

    public static async Task<string?> ProblemDetailAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.JsonAsync())["detail"]?.GetValue<string>();
    }
}
