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
}
