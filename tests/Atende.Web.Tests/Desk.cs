using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Agents;
using Atende.Customers;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests;

/// <summary>
/// A small help desk to test against: two teams with an agent each, an organization that shares tickets
/// and one that does not, with two customers each, and a signed-in client for every one of them.
/// Every desk uses its own emails, so several desks can live in one database.
/// </summary>
public sealed class Desk
{
    public const string Password = "test-password-123";

    private Desk(AtendeFactory factory) => Factory = factory;

    public AtendeFactory Factory { get; }
    public string Suffix { get; private set; } = "";
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient AgentInSupport { get; private set; } = null!;
    public HttpClient AgentInInfra { get; private set; } = null!;
    public HttpClient AgentWithoutTeam { get; private set; } = null!;
    public HttpClient Ana { get; private set; } = null!;      // Acme, which shares tickets
    public HttpClient Bruno { get; private set; } = null!;    // Acme
    public HttpClient Carla { get; private set; } = null!;    // Beta, which does not share
    public HttpClient Davi { get; private set; } = null!;     // Beta
    public HttpClient Anonymous { get; private set; } = null!;
    public int SupportTeamId { get; private set; }
    public int InfraTeamId { get; private set; }
    public int SupportAgentId { get; private set; }
    public int InfraAgentId { get; private set; }
    public int AcmeId { get; private set; }
    public int BetaId { get; private set; }
    public string AnaEmail => $"ana.{Suffix}@acme.example";
    public string CarlaEmail => $"carla.{Suffix}@beta.example";

    public static async Task<Desk> BuildAsync(AtendeFactory factory)
    {
        var desk = new Desk(factory) { Suffix = Guid.NewGuid().ToString("N")[..8] };
        await desk.FillAsync();
        return desk;
    }

    private async Task FillAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AtendeDb>();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;

        var support = new Team($"Support {Suffix}", null);
        var infra = new Team($"Infra {Suffix}", null);
        var acme = new Organization($"Acme {Suffix}", now);
        acme.ShareTickets(true);
        var beta = new Organization($"Beta {Suffix}", now);
        db.AddRange(support, infra, acme, beta);
        await db.SaveChangesAsync();
        (SupportTeamId, InfraTeamId, AcmeId, BetaId) = (support.Id, infra.Id, acme.Id, beta.Id);

        var createAgent = services.GetRequiredService<CreateAgent>();
        SupportAgentId = (await createAgent.HandleAsync(new CreateAgentRequest($"sam.{Suffix}@desk.example", "Sam Support", AgentRole.Agent, [support.Id], null, Password), Caller.System, default)).Id;
        InfraAgentId = (await createAgent.HandleAsync(new CreateAgentRequest($"ivo.{Suffix}@desk.example", "Ivo Infra", AgentRole.Agent, [infra.Id], null, Password), Caller.System, default)).Id;
        await createAgent.HandleAsync(new CreateAgentRequest($"nina.{Suffix}@desk.example", "Nina Noteam", AgentRole.Agent, [], null, Password), Caller.System, default);

        var createCustomer = services.GetRequiredService<CreateCustomer>();
        await createCustomer.HandleAsync(new CreateCustomerRequest(AnaEmail, "Ana Souza", acme.Id, "pt-BR", Password), Caller.System, default);
        await createCustomer.HandleAsync(new CreateCustomerRequest($"bruno.{Suffix}@acme.example", "Bruno Lima", acme.Id, "pt-BR", Password), Caller.System, default);
        await createCustomer.HandleAsync(new CreateCustomerRequest(CarlaEmail, "Carla Dias", beta.Id, "en", Password), Caller.System, default);
        await createCustomer.HandleAsync(new CreateCustomerRequest($"davi.{Suffix}@beta.example", "Davi Reis", beta.Id, "en", Password), Caller.System, default);

        Admin = await SignInAsync(AtendeFactory.AdminEmail, AtendeFactory.AdminPassword);
        AgentInSupport = await SignInAsync($"sam.{Suffix}@desk.example", Password);
        AgentInInfra = await SignInAsync($"ivo.{Suffix}@desk.example", Password);
        AgentWithoutTeam = await SignInAsync($"nina.{Suffix}@desk.example", Password);
        Ana = await SignInAsync(AnaEmail, Password);
        Bruno = await SignInAsync($"bruno.{Suffix}@acme.example", Password);
        Carla = await SignInAsync(CarlaEmail, Password);
        Davi = await SignInAsync($"davi.{Suffix}@beta.example", Password);
        Anonymous = Factory.CreateClient();
    }

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "tests" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Opens a ticket as an agent for a requester; returns its number.</summary>
    public async Task<int> OpenAsync(HttpClient agent, string requesterEmail, string subject = "Printer on floor 3 is jammed",
        int? teamId = null, string description = "It shows error E-42 since this morning.", object? extra = null)
    {
        var body = new JsonObject
        {
            ["subject"] = subject,
            ["description"] = description,
            ["requester"] = new JsonObject { ["email"] = requesterEmail, ["name"] = "Requester" },
        };
        if (teamId is not null)
        {
            body["teamId"] = teamId;
        }
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }
        var response = await agent.PostAsJsonAsync("/api/v1/tickets", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
    }

    /// <summary>Opens a ticket as a customer (their own); returns its number.</summary>
    public static async Task<int> OpenOwnAsync(HttpClient customer, string subject = "Cannot log in to the portal", string description = "It says my password expired.")
    {
        var response = await customer.PostAsJsonAsync("/api/v1/tickets", new { subject, description });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
    }

    public async Task<int> CountTicketsAsync() => await Factory.CreateDb().Tickets.CountAsync();
}

public static class HttpExtensions
{
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PatchAsJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, contentType));

    public static IReadOnlyList<int> Numbers(this JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["number"]!.GetValue<int>()).ToList();

    /// <summary>The field names of a 400 problem's "errors".</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        return problem["errors"]!.AsObject().Select(e => e.Key).ToList();
    }
}
