using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Web.Tests.People;

namespace Atende.Web.Tests.Admin;

/// <summary>The team's notes on customers and organizations: Markdown for agents, never shown to customers.</summary>
public sealed class NotesApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private const string Markdown = "Prefers a **phone call**.\n\n- calls after 2pm\n- <b>not</b> by email";

    [Fact]
    public async Task Agents_write_markdown_notes_on_several_lines_and_read_them_back_with_safe_html()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();

        var customer = await desk.AgentInSupport.ChangeAsync($"/api/v1/customers/{ana}", new { notes = Markdown });
        Assert.Equal(Markdown, customer["notes"]!.GetValue<string>());
        var html = customer["notesHtml"]!.GetValue<string>();
        Assert.Contains("<strong>phone call</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>calls after 2pm</li>", html, StringComparison.Ordinal);
        // Raw HTML is shown as text, never rendered.
        Assert.Contains("&lt;b&gt;not&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);

        var organization = await desk.AgentWithoutTeam.ChangeAsync($"/api/v1/organizations/{desk.AcmeId}", new { notes = "Pays on the *5th*\nof the month" });
        Assert.Contains("<em>5th</em>", organization["notesHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(organization["notesHtml"]!.GetValue<string>(), (await desk.Admin.GetJsonAsync($"/api/v1/organizations/{desk.AcmeId}"))["notesHtml"]!.GetValue<string>());

        var created = await desk.AgentInSupport.CreateAsync("/api/v1/customers", new { email = $"eva.{desk.Suffix}@acme.example", name = "Eva", notes = "Line 1\nLine 2" });
        Assert.Equal("Line 1\nLine 2", created["notes"]!.GetValue<string>());

        var cleared = await desk.AgentInSupport.ChangeAsync($"/api/v1/customers/{ana}", new { notes = (string?)null });
        Assert.Null(cleared["notes"]);
        Assert.Null(cleared["notesHtml"]);
    }

    [Fact]
    public async Task Customers_never_read_the_notes_not_on_their_own_record_nor_through_lists_organizations_or_search()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        await desk.Admin.ChangeAsync($"/api/v1/customers/{ana}", new { notes = $"Secret {desk.Suffix} about Ana" });
        await desk.Admin.ChangeAsync($"/api/v1/organizations/{desk.AcmeId}", new { notes = $"Secret {desk.Suffix} about Acme" });

        var own = await desk.Ana.GetAsync($"/api/v1/customers/{ana}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var body = await own.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Secret", body, StringComparison.Ordinal);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Null(json["notes"]);
        Assert.Null(json["notesHtml"]);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Ana.GetAsync($"/api/v1/customers/{await desk.Bruno.CustomerIdAsync()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/customers?organizationId={desk.AcmeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/organizations/{desk.AcmeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync($"/api/v1/customers/{ana}", new { notes = "mine" })).StatusCode);
        var search = await desk.Ana.GetJsonAsync($"/api/v1/search?q=Secret {desk.Suffix}");
        Assert.Empty(search["customers"]!.AsArray());
        Assert.Empty(search["tickets"]!.AsArray());

        var number = await Desk.OpenOwnAsync(desk.Ana);
        Assert.DoesNotContain("Secret", await (await desk.Ana.GetAsync($"/api/v1/tickets/{number}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Secret", (await desk.Admin.GetJsonAsync($"/api/v1/customers/{ana}"))["notes"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_lists_its_contacts_and_tickets_and_a_customer_their_tickets_for_agents()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        var bruno = await desk.Bruno.CustomerIdAsync();
        var mine = await Desk.OpenOwnAsync(desk.Ana);
        var his = await Desk.OpenOwnAsync(desk.Bruno);
        var carlas = await Desk.OpenOwnAsync(desk.Carla);

        var contacts = await desk.AgentInSupport.GetJsonAsync($"/api/v1/customers?organizationId={desk.AcmeId}");
        Assert.Equal([ana, bruno], contacts.Ids().Order());
        Assert.Equal(2, (await desk.AgentInSupport.GetJsonAsync($"/api/v1/organizations/{desk.AcmeId}"))["customerCount"]!.GetValue<int>());

        var organizationTickets = await desk.Admin.GetJsonAsync($"/api/v1/organizations/{desk.AcmeId}/tickets");
        Assert.Contains(mine, organizationTickets.Numbers());
        Assert.Contains(his, organizationTickets.Numbers());
        Assert.DoesNotContain(carlas, organizationTickets.Numbers());

        var anasTickets = await desk.Admin.GetJsonAsync($"/api/v1/tickets?requester={ana}&limit=1");
        Assert.Equal([mine], anasTickets.Numbers());
        Assert.Null(anasTickets["nextCursor"]);
    }

    [Fact]
    public async Task Notes_that_are_too_long_or_carry_dangerous_html_are_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        foreach (var notes in new[] { new string('x', 4001), "<script>alert(1)</script>", "[click](javascript:alert(1))", "<img src=x onerror=alert(1)>" })
        {
            Assert.Equal(["notes"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/customers/{ana}", new { notes })).ErrorFieldsAsync());
            Assert.Equal(["notes"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/organizations/{desk.AcmeId}", new { notes })).ErrorFieldsAsync());
        }
    }
}
