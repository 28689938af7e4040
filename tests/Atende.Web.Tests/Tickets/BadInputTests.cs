using System.Net;
using System.Net.Http.Json;

namespace Atende.Web.Tests.Tickets;

/// <summary>Bad input gets a 4xx problem naming the field, never a 500, and nothing is stored.</summary>
public sealed class BadInputTests(BadInputTests.SmallUploads factory) : IClassFixture<BadInputTests.SmallUploads>
{
    public sealed class SmallUploads : AtendeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Atende:Attachments:MaxBytes"] = "1024",
        };
    }

    public static TheoryData<string, string> BadTickets => new()
    {
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "priority": "mega"}""", "priority" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "priority": 3}""", "priority" },
        { """{"subject": 42, "description": "y", "requester": {"email": "a@b.example"}}""", "subject" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "colour": "red"}""", "colour" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example", "age": 3}}""", "requester.age" },
        { """{"subject": "", "description": "y", "requester": {"email": "a@b.example"}}""", "subject" },
        { """{"description": "y", "requester": {"email": "a@b.example"}}""", "subject" },
        { """{"subject": "x", "requester": {"email": "a@b.example"}}""", "description" },
        { """{"subject": "x", "description": "y", "requester": {"email": "not an email"}}""", "requester.email" },
        { """{"subject": "x", "description": "y"}""", "requester" },
        { """{"subject": "<b>bold</b> subject", "description": "y", "requester": {"email": "a@b.example"}}""", "subject" },
        { """{"subject": "x", "description": "<script>alert(1)</script>", "requester": {"email": "a@b.example"}}""", "description" },
        { """{"subject": "x", "description": "<img src=x onerror=alert(1)>", "requester": {"email": "a@b.example"}}""", "description" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "type": "nope"}""", "type" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "teamId": 999999}""", "teamId" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "assigneeId": "seven"}""", "assigneeId" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "teamId": "3"}""", "teamId" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "tags": ["two words"]}""", "tags[0]" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "fields": {"unknown": 1}}""", "fields.unknown" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"}, "attachments": [424242]}""", "attachments[0]" },
        { """{"subject": "x", "description": "y", "requester": {"email": "a@b.example"},""", "body" },
        { """not json at all""", "body" },
        { """{"subject": "x", "description": "null \u0000 inside", "requester": {"email": "a@b.example"}}""", "description" },
        { """[]""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadTickets))]
    public async Task A_bad_ticket_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        var before = await desk.CountTicketsAsync();
        var response = await desk.Admin.PostRawAsync("/api/v1/tickets", json);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Equal(before, await desk.CountTicketsAsync());
    }

    [Fact]
    public async Task Strings_over_their_limits_are_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = new string('s', 251),
            description = new string('d', 100_001),
            requester = new { email = "a@b.example", name = new string('n', 201) },
        });
        Assert.Equal(["description", "requester.name", "subject"], (await response.ErrorFieldsAsync()).Order());
    }

    [Theory]
    [InlineData("/api/v1/tickets?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/tickets?limit=0", "limit")]
    [InlineData("/api/v1/tickets?limit=201", "limit")]
    [InlineData("/api/v1/tickets?limit=abc", "limit")]
    [InlineData("/api/v1/tickets?sort=colour", "sort")]
    [InlineData("/api/v1/tickets?priority=mega", "priority")]
    [InlineData("/api/v1/tickets?statusCategory=done", "statusCategory")]
    [InlineData("/api/v1/tickets?status=nope", "status")]
    [InlineData("/api/v1/tickets?assignee=someone", "assignee")]
    [InlineData("/api/v1/tickets?createdFrom=yesterday", "createdFrom")]
    [InlineData("/api/v1/tickets?overdue=maybe", "overdue")]
    [InlineData("/api/v1/tickets?tag=a%00b", "tag")]
    [InlineData("/api/v1/tickets?status=new%00", "status")]
    [InlineData("/api/v1/tickets?type=%00", "type")]
    public async Task Bad_list_parameters_are_a_400_naming_the_parameter(string url, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Contains(field, await (await desk.Admin.GetAsync(url)).ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        var page = await desk.Admin.GetJsonAsync("/api/v1/tickets?limit=1&sort=createdAt");
        var cursor = page["nextCursor"]!.GetValue<string>();
        Assert.Contains("cursor", await (await desk.Admin.GetAsync($"/api/v1/tickets?limit=1&sort=-number&cursor={cursor}")).ErrorFieldsAsync());
    }

    [Fact]
    public async Task Patch_rejects_wrong_types_unknown_fields_and_empty_required_values()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        Assert.Contains("priority", await (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = (string?)null })).ErrorFieldsAsync());
        Assert.Contains("subject", await (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { subject = "" })).ErrorFieldsAsync());
        Assert.Contains("status", await (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "nope" })).ErrorFieldsAsync());
        Assert.Contains("estimateMinutes", await (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { estimateMinutes = -5 })).ErrorFieldsAsync());
        Assert.Contains("nickname", await (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { nickname = "x" })).ErrorFieldsAsync());
        var history = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}/history");
        Assert.Single(history["items"]!.AsArray());
    }

    [Fact]
    public async Task An_oversized_upload_is_413_and_a_blocked_type_is_400()
    {
        var desk = await Desk.BuildAsync(factory);
        using var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[2048]), "file", "big.pdf" } };
        var tooBig = await desk.Admin.PostAsync("/api/v1/attachments", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);

        using var exe = new MultipartFormDataContent { { new ByteArrayContent([0x4d, 0x5a]), "file", "invoice.exe" } };
        Assert.Contains("file", await (await desk.Admin.PostAsync("/api/v1/attachments", exe)).ErrorFieldsAsync());

        var json = await desk.Admin.PostAsJsonAsync("/api/v1/attachments", new { file = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.Admin.PostRawAsync("/api/v1/tickets", "subject=x", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
