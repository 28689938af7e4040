using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Portal;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.Portal;

/// <summary>
/// The customer's requests in the portal follow the same rules as the API, because both call the same handlers:
/// a customer sees their own requests (and their organization's when it shares), never internal notes or
/// someone else's files, reopens only within the portal's reopen period, and uses only the types offered to them.
/// </summary>
public sealed class PortalRequestsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>, IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.BuildAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ResolveAsync(int number)
    {
        var response = await _desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "resolved" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> ReopenAsync(HttpClient client, int number) =>
        client.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "in_progress" });

    private async Task SetReopenDaysAsync(int days)
    {
        await using var db = factory.CreateDb();
        var settings = await db.PortalSettings.FirstOrDefaultAsync();
        if (settings is null)
        {
            settings = new PortalSettings();
            db.PortalSettings.Add(settings);
        }
        settings.SetReopenDays(days);
        await db.SaveChangesAsync();
    }

    private static async Task<int> UploadAsync(HttpClient client, string name = "screen.png", string text = "not really a png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        var response = await client.PostAsync("/api/v1/attachments", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    [Fact]
    public async Task A_customer_reopens_a_resolved_request_within_the_reopen_period_and_not_after_it()
    {
        await SetReopenDaysAsync(PortalSettings.DefaultReopenDays);
        var number = await Desk.OpenOwnAsync(_desk.Ana, "VPN drops every hour");
        await ResolveAsync(number);
        factory.Clock.Advance(TimeSpan.FromDays(PortalSettings.DefaultReopenDays - 1));

        var reopened = await ReopenAsync(_desk.Ana, number);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("in_progress", (await reopened.JsonAsync())["status"]!["key"]!.GetValue<string>());

        await ResolveAsync(number);
        factory.Clock.Advance(TimeSpan.FromDays(PortalSettings.DefaultReopenDays) + TimeSpan.FromMinutes(1));
        var late = await ReopenAsync(_desk.Ana, number);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("can no longer be reopened", await late.Content.ReadAsStringAsync());

        // The portal page offers no reopen button any more and says why.
        var page = await _desk.Ana.GetStringAsync($"/portal/requests/{number}");
        Assert.DoesNotContain("data-testid=\"reopen-request\"", page);
        Assert.Contains("data-testid=\"reopen-over\"", page);

        // The period binds customers only: the team can still reopen.
        Assert.Equal(HttpStatusCode.OK, (await ReopenAsync(_desk.Admin, number)).StatusCode);
    }

    [Fact]
    public async Task The_reopen_period_is_the_one_the_admin_set()
    {
        await SetReopenDaysAsync(2);
        try
        {
            var number = await Desk.OpenOwnAsync(_desk.Carla, "Printer offline");
            await ResolveAsync(number);
            var page = await _desk.Carla.GetStringAsync($"/portal/requests/{number}");
            Assert.Contains("data-testid=\"reopen-request\"", page);

            factory.Clock.Advance(TimeSpan.FromDays(3));
            Assert.Equal(HttpStatusCode.Conflict, (await ReopenAsync(_desk.Carla, number)).StatusCode);

            await SetReopenDaysAsync(0);
            var other = await Desk.OpenOwnAsync(_desk.Carla, "Scanner offline");
            await ResolveAsync(other);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.Conflict, (await ReopenAsync(_desk.Carla, other)).StatusCode);
        }
        finally
        {
            await SetReopenDaysAsync(PortalSettings.DefaultReopenDays);
        }
    }

    [Fact]
    public async Task Only_the_requester_closes_or_reopens_even_in_a_sharing_organization()
    {
        var number = await Desk.OpenOwnAsync(_desk.Ana, "Shared drive full");
        // Bruno (same sharing organization) reads it, but it is not his to close.
        var page = await _desk.Bruno.GetStringAsync($"/portal/requests/{number}");
        Assert.Contains("Shared drive full", page);
        Assert.DoesNotContain("data-testid=\"close-request\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await _desk.Bruno.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "closed" })).StatusCode);

        Assert.Contains("data-testid=\"close-request\"", await _desk.Ana.GetStringAsync($"/portal/requests/{number}"));
        Assert.Equal(HttpStatusCode.OK, (await _desk.Ana.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "closed" })).StatusCode);
    }

    [Fact]
    public async Task A_customer_never_reads_another_customers_request_or_files_by_any_url()
    {
        var carlas = await Desk.OpenOwnAsync(_desk.Carla, $"Carla secret {_desk.Suffix}");
        var carlasFile = await UploadAsync(_desk.Carla, "carla.png");
        Assert.Equal(HttpStatusCode.Created, (await _desk.Carla.PostAsJsonAsync($"/api/v1/tickets/{carlas}/messages",
            new { body = "Here is the screenshot", attachments = new[] { carlasFile } })).StatusCode);

        // Davi is in Carla's organization, which does not share; Ana is elsewhere.
        foreach (var stranger in new[] { _desk.Davi, _desk.Ana, _desk.Bruno })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/portal/requests/{carlas}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/tickets/{carlas}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/tickets/{carlas}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/attachments/{carlasFile}")).StatusCode);
            Assert.DoesNotContain($"Carla secret {_desk.Suffix}", await stranger.GetStringAsync("/portal/requests?show=all"));
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/tickets/{carlas}/messages", new { body = "hi" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PatchAsJsonAsync($"/api/v1/tickets/{carlas}", new { status = "closed" })).StatusCode);
        }
        // An upload not yet on a message is its uploader's alone.
        var pending = await UploadAsync(_desk.Carla, "draft.png");
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Davi.GetAsync($"/api/v1/attachments/{pending}")).StatusCode);
        // ...and nobody can put it on their own request.
        var stolen = await _desk.Davi.PostAsJsonAsync("/api/v1/tickets", new { subject = "Mine now", description = "x", attachments = new[] { pending } });
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _desk.Carla.GetAsync($"/portal/requests/{carlas}")).StatusCode);
        Assert.Contains($"Carla secret {_desk.Suffix}", await _desk.Carla.GetStringAsync("/portal/requests?show=all"));
    }

    [Fact]
    public async Task Internal_notes_and_their_files_never_reach_the_customer()
    {
        var number = await _desk.OpenAsync(_desk.AgentInSupport, _desk.AnaEmail, "Mailbox quota", _desk.SupportTeamId);
        var noteFile = await UploadAsync(_desk.AgentInSupport, "internal.png");
        var secret = $"cursed-firmware-{_desk.Suffix}";
        Assert.Equal(HttpStatusCode.Created, (await _desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages",
            new { body = $"Between us: {secret}", visibility = "internal", attachments = new[] { noteFile } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages",
            new { body = "We are on it." })).StatusCode);

        foreach (var customer in new[] { _desk.Ana, _desk.Bruno })
        {
            var page = await customer.GetStringAsync($"/portal/requests/{number}");
            Assert.Contains("We are on it.", page);
            Assert.DoesNotContain(secret, page);
            Assert.DoesNotContain($"/api/v1/attachments/{noteFile}\"", page);
            Assert.DoesNotContain(secret, await customer.GetStringAsync($"/api/v1/tickets/{number}/messages"));
            Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/api/v1/attachments/{noteFile}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await _desk.AgentInSupport.GetAsync($"/api/v1/attachments/{noteFile}")).StatusCode);
    }

    [Fact]
    public async Task Organization_sharing_decides_whether_colleagues_see_each_others_requests()
    {
        var anas = await Desk.OpenOwnAsync(_desk.Ana, $"Ana laptop {_desk.Suffix}");
        Assert.Equal(HttpStatusCode.OK, (await _desk.Bruno.GetAsync($"/portal/requests/{anas}")).StatusCode);
        var brunoList = await _desk.Bruno.GetStringAsync("/portal/requests");
        Assert.Contains($"Ana laptop {_desk.Suffix}", brunoList);
        Assert.Contains("data-testid=\"shared-note\"", brunoList);

        try
        {
            Assert.Equal(HttpStatusCode.OK, (await _desk.Admin.PatchAsJsonAsync($"/api/v1/organizations/{_desk.AcmeId}", new { sharesTickets = false })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _desk.Bruno.GetAsync($"/portal/requests/{anas}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _desk.Bruno.GetAsync($"/api/v1/tickets/{anas}")).StatusCode);
            Assert.DoesNotContain($"Ana laptop {_desk.Suffix}", await _desk.Bruno.GetStringAsync("/portal/requests?show=all"));
            Assert.Equal(HttpStatusCode.OK, (await _desk.Ana.GetAsync($"/portal/requests/{anas}")).StatusCode);
        }
        finally
        {
            await _desk.Admin.PatchAsJsonAsync($"/api/v1/organizations/{_desk.AcmeId}", new { sharesTickets = true });
        }
    }

    [Fact]
    public async Task A_file_field_puts_the_customers_upload_on_the_request_and_refuses_someone_elses()
    {
        var key = "repair" + _desk.Suffix;
        var created = await _desk.Admin.PostAsJsonAsync("/api/v1/request-types", new
        {
            key,
            name = "Repair",
            category = "Support",
            formFields = new object[] { new { key = "photo", label = "Photo", type = "file", required = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var photo = await UploadAsync(_desk.Ana, "broken.png");
        var response = await _desk.Ana.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Cracked screen",
            description = "See the photo",
            type = key,
            fields = new JsonObject { ["photo"] = photo },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.JsonAsync())["number"]!.GetValue<int>();
        // The agent can download it (it is on the request's first message), and so can the requester.
        Assert.Equal(HttpStatusCode.OK, (await _desk.Admin.GetAsync($"/api/v1/attachments/{photo}")).StatusCode);
        var page = await _desk.Ana.GetStringAsync($"/portal/requests/{number}");
        Assert.Contains($"/api/v1/attachments/{photo}", page);
        Assert.Contains("broken.png", page);

        var carlasUpload = await UploadAsync(_desk.Carla, "carla.png");
        var stolen = await _desk.Ana.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Another", description = "x", type = key, fields = new JsonObject { ["photo"] = carlasUpload },
        });
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Contains("fields.photo", await stolen.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Ana.GetAsync($"/api/v1/attachments/{carlasUpload}")).StatusCode);
    }

    [Fact]
    public async Task A_type_not_offered_to_customers_is_absent_from_the_catalog_and_refused()
    {
        var key = "internal" + _desk.Suffix;
        Assert.Equal(HttpStatusCode.Created, (await _desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key, name = $"Change {_desk.Suffix}" })).StatusCode);
        Assert.Contains($"data-testid=\"catalog-{key}\"", await _desk.Ana.GetStringAsync("/portal"));
        Assert.Equal(HttpStatusCode.OK, (await _desk.Ana.GetAsync($"/portal/new/{key}")).StatusCode);

        await using (var db = factory.CreateDb())
        {
            var type = await db.RequestTypes.SingleAsync(t => t.Key == key);
            type.OfferToCustomers(false);
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain($"data-testid=\"catalog-{key}\"", await _desk.Ana.GetStringAsync("/portal"));
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Ana.GetAsync($"/portal/new/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Ana.GetAsync($"/api/v1/request-types/{key}")).StatusCode);
        Assert.DoesNotContain(key, await _desk.Ana.GetStringAsync("/api/v1/request-types"));
        var refused = await _desk.Ana.PostAsJsonAsync("/api/v1/tickets", new { subject = "x", description = "y", type = key });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("type", await refused.ErrorFieldsAsync());
        // Agents still open tickets of that type.
        await _desk.OpenAsync(_desk.AgentInSupport, _desk.AnaEmail, extra: new { type = key });
    }

    [Fact]
    public async Task Portal_pages_are_for_signed_in_customers()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/portal/requests");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/portal/sign-in", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Ana.GetAsync("/portal/requests/999999")).StatusCode);
    }
}
