using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Atende.Web.Tests.Security;

/// <summary>
/// Who may see what, through every path: read, list, search, update, reply and attachment download.
/// A ticket a caller may not see answers 404 — the same as a ticket that does not exist.
/// </summary>
public sealed class VisibilityMatrixTests(AtendeFactory factory) : IClassFixture<AtendeFactory>, IAsyncLifetime
{
    private Desk _desk = null!;
    private int _anasTicket;           // Ana (Acme, shares), team Support
    private int _carlasTicket;         // Carla (Beta, does not share), team Infra
    private int _attachmentOnAna;      // on a public reply of Ana's ticket
    private int _attachmentOnNote;     // on an internal note of Ana's ticket
    private string _secretWord = "";

    public async Task InitializeAsync()
    {
        _desk = await Desk.BuildAsync(factory);
        _secretWord = "zebra" + _desk.Suffix;
        _anasTicket = await _desk.OpenAsync(_desk.AgentInSupport, _desk.AnaEmail, $"Printer {_desk.Suffix} jammed", _desk.SupportTeamId);
        _carlasTicket = await _desk.OpenAsync(_desk.AgentInInfra, _desk.CarlaEmail, $"Server {_desk.Suffix} down", _desk.InfraTeamId);
        _attachmentOnAna = await AttachAsync(_desk.AgentInSupport, _anasTicket, "public");
        _attachmentOnNote = await AttachAsync(_desk.AgentInSupport, _anasTicket, "internal", $"The {_secretWord} firmware is cursed");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<int> AttachAsync(HttpClient client, int ticket, string visibility, string body = "See the log")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("log line 1\nlog line 2"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "printer.log");
        var upload = await (await client.PostAsync("/api/v1/attachments", form)).JsonAsync();
        var id = upload["id"]!.GetValue<int>();
        var posted = await client.PostAsJsonAsync($"/api/v1/tickets/{ticket}/messages", new { body, visibility, attachments = new[] { id } });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return id;
    }

    public static TheoryData<string, bool, bool> Callers => new()
    {
        // caller, sees Ana's ticket, sees Carla's ticket
        { "admin", true, true },
        { "agent in Support", true, false },
        { "agent in Infra", false, true },
        { "agent without team", false, false },
        { "Ana (requester)", true, false },
        { "Bruno (same sharing organization)", true, false },
        { "Carla (requester)", false, true },
        { "Davi (same organization, not sharing)", false, false },
    };

    private HttpClient Client(string caller) => caller switch
    {
        "admin" => _desk.Admin,
        "agent in Support" => _desk.AgentInSupport,
        "agent in Infra" => _desk.AgentInInfra,
        "agent without team" => _desk.AgentWithoutTeam,
        "Ana (requester)" => _desk.Ana,
        "Bruno (same sharing organization)" => _desk.Bruno,
        "Carla (requester)" => _desk.Carla,
        "Davi (same organization, not sharing)" => _desk.Davi,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Read_list_and_search_show_exactly_the_visible_tickets(string caller, bool seesAna, bool seesCarla)
    {
        var client = Client(caller);
        Assert.Equal(seesAna ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/tickets/{_anasTicket}")).StatusCode);
        Assert.Equal(seesCarla ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/tickets/{_carlasTicket}")).StatusCode);
        Assert.Equal(seesAna ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/tickets/{_anasTicket}/messages")).StatusCode);
        Assert.Equal(seesAna ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/tickets/{_anasTicket}/history")).StatusCode);

        var listed = (await client.GetJsonAsync("/api/v1/tickets?limit=200")).Numbers();
        Assert.Equal(seesAna, listed.Contains(_anasTicket));
        Assert.Equal(seesCarla, listed.Contains(_carlasTicket));

        var found = (await client.GetJsonAsync($"/api/v1/tickets?q={_desk.Suffix}")).Numbers();
        Assert.Equal(seesAna, found.Contains(_anasTicket));
        Assert.Equal(seesCarla, found.Contains(_carlasTicket));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Replies_and_updates_on_an_invisible_ticket_are_404_and_change_nothing(string caller, bool seesAna, bool seesCarla)
    {
        var client = Client(caller);
        var ticket = seesAna ? (seesCarla ? (int?)null : _carlasTicket) : _anasTicket;
        if (ticket is not { } invisible)
        {
            return; // the admin sees everything; there is nothing hidden to try
        }
        var before = await _desk.Admin.GetJsonAsync($"/api/v1/tickets/{invisible}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/tickets/{invisible}/messages", new { body = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/tickets/{invisible}", new { status = "closed" })).StatusCode);
        var after = await _desk.Admin.GetJsonAsync($"/api/v1/tickets/{invisible}");
        Assert.Equal(before["updatedAt"]!.ToString(), after["updatedAt"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Internal_notes_their_attachments_and_their_words_never_reach_customers(string caller, bool seesAna, bool seesCarla)
    {
        _ = seesCarla;
        var client = Client(caller);
        var isStaff = caller.StartsWith("admin", StringComparison.Ordinal) || caller.StartsWith("agent", StringComparison.Ordinal);
        var publicDownload = await client.GetAsync($"/api/v1/attachments/{_attachmentOnAna}");
        Assert.Equal(seesAna ? HttpStatusCode.OK : HttpStatusCode.NotFound, publicDownload.StatusCode);
        var noteDownload = await client.GetAsync($"/api/v1/attachments/{_attachmentOnNote}");
        Assert.Equal(seesAna && isStaff ? HttpStatusCode.OK : HttpStatusCode.NotFound, noteDownload.StatusCode);

        if (seesAna)
        {
            var messages = await client.GetJsonAsync($"/api/v1/tickets/{_anasTicket}/messages");
            Assert.Equal(isStaff, messages["items"]!.AsArray().Any(m => m!["visibility"]!.GetValue<string>() == "internal"));
        }
        var bySecret = (await client.GetJsonAsync($"/api/v1/tickets?q={_secretWord}")).Numbers();
        Assert.Equal(seesAna && isStaff, bySecret.Contains(_anasTicket));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_everywhere()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.Anonymous.GetAsync($"/api/v1/tickets/{_anasTicket}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.Anonymous.GetAsync("/api/v1/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.Anonymous.GetAsync("/api/v1/tickets?q=printer")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.Anonymous.PatchAsJsonAsync($"/api/v1/tickets/{_anasTicket}", new { status = "closed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.Anonymous.PostAsJsonAsync($"/api/v1/tickets/{_anasTicket}/messages", new { body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.Anonymous.GetAsync($"/api/v1/attachments/{_attachmentOnAna}")).StatusCode);
    }

    [Fact]
    public async Task An_upload_not_yet_on_a_message_is_readable_by_its_uploader_only()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "draft.bin" } };
        var id = (await (await _desk.Ana.PostAsync("/api/v1/attachments", form)).JsonAsync())["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await _desk.Ana.GetAsync($"/api/v1/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Bruno.GetAsync($"/api/v1/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Admin.GetAsync($"/api/v1/attachments/{id}")).StatusCode);

        // Nor can anyone else attach it to a message.
        var ticket = await Desk.OpenOwnAsync(_desk.Bruno);
        var stolen = await _desk.Bruno.PostAsJsonAsync($"/api/v1/tickets/{ticket}/messages", new { body = "mine now", attachments = new[] { id } });
        Assert.Contains("attachments[0]", await stolen.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Customers_cannot_post_internal_notes()
    {
        var response = await _desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{_anasTicket}/messages", new { body = "psst", visibility = "internal" });
        Assert.Contains("visibility", await response.ErrorFieldsAsync());
    }
}
