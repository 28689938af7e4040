using System.Net;

namespace Atende.Web.Tests;

public sealed class HostTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Health_endpoints_answer_without_credentials()
    {
        var client = factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_ticket_endpoints_and_the_docs_page_is_served()
    {
        var client = factory.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/tickets\"", document);
        Assert.Contains("\"/api/v1/tickets/{number}/messages\"", document);
        Assert.Contains("\"/api/v1/auth/tokens\"", document);
        var docs = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_types_every_request_field_and_declares_the_bearer_scheme()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var open = document["components"]!["schemas"]!["OpenTicketRequest"]!["properties"]!;
        Assert.Equal("string", open["subject"]!["type"]!.ToString());
        Assert.Equal("string", open["tags"]!["items"]!["type"]!.ToString());
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.ToString());
        // PATCH fields are documented as their values, not as the wrapper that tells absent from null.
        var patch = document["components"]!["schemas"]!["UpdateTicketRequest"]!["properties"]!["subject"]!;
        var patchSchema = patch["$ref"] is { } reference
            ? document["components"]!["schemas"]![reference.ToString().Split('/')[^1]]!
            : patch;
        Assert.Contains("string", patchSchema["type"]!.ToJsonString());
        Assert.DoesNotContain("isSet", document.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
