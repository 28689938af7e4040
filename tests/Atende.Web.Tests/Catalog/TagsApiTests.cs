using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Catalog;

/// <summary>/api/v1/tags. Tag names carry the desk's suffix, so the tests of this class never see each other's tags.</summary>
public sealed class TagsApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Agents_list_read_and_create_tags_customers_get_403_and_anonymous_callers_401()
    {
        var desk = await Desk.BuildAsync(factory);

        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tags", new { name = $" VPN-{desk.Suffix} " });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tag = await response.JsonAsync();
        var id = tag["id"]!.GetValue<int>();
        Assert.Equal($"/api/v1/tags/{id}", response.Headers.Location!.ToString());
        Assert.Equal($"vpn-{desk.Suffix}", tag["name"]!.GetValue<string>());
        Assert.Equal(0, tag["ticketCount"]!.GetValue<int>());

        await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { tags = new[] { $"vpn-{desk.Suffix}" } });
        var read = await desk.AgentWithoutTeam.GetJsonAsync($"/api/v1/tags/{id}");
        Assert.Equal($"vpn-{desk.Suffix}", read["name"]!.GetValue<string>());
        Assert.Equal(1, read["ticketCount"]!.GetValue<int>());
        var listed = await desk.AgentInInfra.GetJsonAsync($"/api/v1/tags?q=vpn-{desk.Suffix}");
        Assert.Equal([(id, $"vpn-{desk.Suffix}", 1)], Tags(listed));

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/tags")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/tags/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Carla.PostAsJsonAsync("/api/v1/tags", new { name = $"mine-{desk.Suffix}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/tags")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync("/api/v1/tags", new { name = $"anon-{desk.Suffix}" })).StatusCode);
        Assert.Empty(Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q=mine-{desk.Suffix}")));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/tags/999999")).StatusCode);
    }

    [Fact]
    public async Task Agents_cannot_rename_or_delete_tags()
    {
        var desk = await Desk.BuildAsync(factory);
        var id = await CreateAsync(desk, $"printer-{desk.Suffix}");

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tags/{id}", new { name = $"hijacked-{desk.Suffix}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync($"/api/v1/tags/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync($"/api/v1/tags/{id}", new { name = $"hijacked-{desk.Suffix}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.DeleteAsync($"/api/v1/tags/{id}")).StatusCode);

        Assert.Equal($"printer-{desk.Suffix}", (await desk.Admin.GetJsonAsync($"/api/v1/tags/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_a_tag_that_exists_in_any_case_or_a_bad_name_is_a_400_on_name()
    {
        var desk = await Desk.BuildAsync(factory);
        await CreateAsync(desk, $"wifi-{desk.Suffix}");

        Assert.Equal(["name"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tags", new { name = $"wifi-{desk.Suffix}" })).ErrorFieldsAsync());
        Assert.Equal(["name"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tags", new { name = $"WiFi-{desk.Suffix}" })).ErrorFieldsAsync());
        Assert.Equal(["name"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tags", new { name = $"two words {desk.Suffix}" })).ErrorFieldsAsync());
        Assert.Equal(["name"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tags", new { name = "" })).ErrorFieldsAsync());
        Assert.Equal(["name"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tags", new { name = new string('x', 65) })).ErrorFieldsAsync());
        Assert.Equal(["colour"], await (await desk.AgentInSupport.PostRawAsync("/api/v1/tags", """{"name": "x", "colour": "red"}""")).ErrorFieldsAsync());

        Assert.Equal([$"wifi-{desk.Suffix}"], Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q=wifi-{desk.Suffix}")).Select(t => t.Name));
        Assert.DoesNotContain(Tags(await desk.Admin.GetJsonAsync("/api/v1/tags?q=two")), t => t.Name.Contains(desk.Suffix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_q_filter_matches_the_start_of_the_name_whatever_its_case()
    {
        var desk = await Desk.BuildAsync(factory);
        var s = desk.Suffix;
        foreach (var name in new[] { $"net{s}-b", $"net{s}-a", $"other-net{s}", $"net{s}_c%" })
        {
            await CreateAsync(desk, name);
        }

        var upper = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tags?q=NET{s.ToUpperInvariant()}");
        Assert.Equal([$"net{s}-a", $"net{s}-b", $"net{s}_c%"], Tags(upper).Select(t => t.Name));
        Assert.Null(upper["nextCursor"]);
        Assert.Equal([$"net{s}-a"], Tags(await desk.AgentInSupport.GetJsonAsync($"/api/v1/tags?q=Net{s}-A")).Select(t => t.Name));
        // '_' and '%' are plain characters here, not patterns.
        Assert.Equal([$"net{s}_c%"], Tags(await desk.AgentInSupport.GetJsonAsync($"/api/v1/tags?q=net{s}_")).Select(t => t.Name));
        Assert.Empty(Tags(await desk.AgentInSupport.GetJsonAsync($"/api/v1/tags?q=net{s}%25")));
        Assert.Equal([$"other-net{s}"], Tags(await desk.AgentInSupport.GetJsonAsync($"/api/v1/tags?q=other-net{s}")).Select(t => t.Name));
    }

    [Fact]
    public async Task Paging_through_tags_returns_each_once_in_name_order()
    {
        var desk = await Desk.BuildAsync(factory);
        var expected = new[] { "a", "b", "c", "d", "e", "f", "g" }.Select(x => $"pg{desk.Suffix}-{x}").ToList();
        foreach (var name in expected.AsEnumerable().Reverse())
        {
            await CreateAsync(desk, name);
        }

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var url = $"/api/v1/tags?q=pg{desk.Suffix}&limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await desk.AgentInSupport.GetJsonAsync(url);
            var names = Tags(page).Select(t => t.Name).ToList();
            Assert.InRange(names.Count, 1, 3);
            seen.AddRange(names);
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Paging_works_past_the_longest_non_ASCII_names()
    {
        var desk = await Desk.BuildAsync(factory);
        // 64 characters, most of them three bytes in UTF-8: about the longest cursor a tag name can make.
        var expected = new[] { 'a', 'b', 'c' }.Select(x => $"lp{desk.Suffix}-{x}" + new string('日', 52)).ToList();
        foreach (var name in expected)
        {
            await CreateAsync(desk, name);
        }

        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 5 && (pages == 0 || cursor is not null); pages++)
        {
            var url = $"/api/v1/tags?q=lp{desk.Suffix}&limit=1" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await desk.AgentInSupport.GetJsonAsync(url);
            seen.AddRange(Tags(page).Select(t => t.Name));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("/api/v1/tags?limit=0", "limit")]
    [InlineData("/api/v1/tags?limit=201", "limit")]
    [InlineData("/api/v1/tags?limit=abc", "limit")]
    [InlineData("/api/v1/tags?cursor=!!!", "cursor")]
    [InlineData("/api/v1/tags?cursor=AA", "cursor")]
    [InlineData("/api/v1/tags?q=%00", "q")]
    public async Task Bad_list_parameters_are_a_400_naming_the_parameter(string url, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal([field], await (await desk.AgentInSupport.GetAsync(url)).ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_overlong_cursor_or_q_is_a_400()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(["cursor"], await (await desk.AgentInSupport.GetAsync($"/api/v1/tags?cursor={new string('A', 1000)}")).ErrorFieldsAsync());
        Assert.Equal(["q"], await (await desk.AgentInSupport.GetAsync($"/api/v1/tags?q={new string('a', 65)}")).ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_admin_renames_a_tag_and_its_tickets_show_the_new_name()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { tags = new[] { $"mail-{desk.Suffix}", $"keep-{desk.Suffix}" } });
        var id = Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q=mail-{desk.Suffix}")).Single().Id;

        var renamed = await desk.Admin.PatchAsJsonAsync($"/api/v1/tags/{id}", new { name = $"Email-{desk.Suffix}" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var tag = await renamed.JsonAsync();
        Assert.Equal(id, tag["id"]!.GetValue<int>());
        Assert.Equal($"email-{desk.Suffix}", tag["name"]!.GetValue<string>());
        Assert.Equal(1, tag["ticketCount"]!.GetValue<int>());

        Assert.Equal([$"email-{desk.Suffix}", $"keep-{desk.Suffix}"], await TicketTagsAsync(desk, number));
        Assert.Equal(["name"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/tags/{id}", new { name = "two words" })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PatchAsJsonAsync("/api/v1/tags/999999", new { name = $"ghost-{desk.Suffix}" })).StatusCode);
    }

    [Fact]
    public async Task Renaming_onto_an_existing_name_merges_the_tags_on_every_ticket_and_the_old_tag_is_gone()
    {
        var desk = await Desk.BuildAsync(factory);
        var vpn = $"vpn-{desk.Suffix}";
        var issue = $"vpn-issue-{desk.Suffix}";
        var both = await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { tags = new[] { vpn, issue } });
        var onlyIssue = await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { tags = new[] { issue, $"other-{desk.Suffix}" } });
        var onlyVpn = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, extra: new { tags = new[] { vpn } });
        var vpnId = Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q={vpn}")).Single(t => t.Name == vpn).Id;
        var issueId = Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q={issue}")).Single().Id;

        var merged = await desk.Admin.PatchAsJsonAsync($"/api/v1/tags/{issueId}", new { name = vpn.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var survivor = await merged.JsonAsync();
        Assert.Equal(vpnId, survivor["id"]!.GetValue<int>());
        Assert.Equal(vpn, survivor["name"]!.GetValue<string>());
        Assert.Equal(3, survivor["ticketCount"]!.GetValue<int>());

        Assert.Equal([vpn], await TicketTagsAsync(desk, both));
        Assert.Equal([$"other-{desk.Suffix}", vpn], await TicketTagsAsync(desk, onlyIssue));
        Assert.Equal([vpn], await TicketTagsAsync(desk, onlyVpn));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/tags/{issueId}")).StatusCode);
        Assert.Equal([(vpnId, vpn, 3)], Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q={vpn}")));
        Assert.Equal([both, onlyIssue, onlyVpn], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?tag={vpn}&sort=number")).Numbers());
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/tickets?tag={issue}")).Numbers());
    }

    [Fact]
    public async Task Deleting_a_tag_takes_it_off_every_ticket_and_leaves_their_other_tags()
    {
        var desk = await Desk.BuildAsync(factory);
        var doomed = $"legacy-{desk.Suffix}";
        var kept = $"keep-{desk.Suffix}";
        var first = await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { tags = new[] { doomed, kept } });
        var second = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, extra: new { tags = new[] { doomed } });
        var id = Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q={doomed}")).Single().Id;

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/tags/{id}")).StatusCode);

        Assert.Equal([kept], await TicketTagsAsync(desk, first));
        Assert.Empty(await TicketTagsAsync(desk, second));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/tags/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync($"/api/v1/tags/{id}")).StatusCode);
        Assert.Empty(Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q={doomed}")));
        Assert.Equal(1, (await desk.Admin.GetJsonAsync($"/api/v1/tags?q={kept}"))["items"]![0]!["ticketCount"]!.GetValue<int>());
        // Tagging a ticket with the name again makes a fresh tag.
        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{second}", new { tags = new[] { doomed } });
        Assert.Equal([doomed], await TicketTagsAsync(desk, second));
        Assert.NotEqual(id, Tags(await desk.Admin.GetJsonAsync($"/api/v1/tags?q={doomed}")).Single().Id);
    }

    private static IReadOnlyList<(int Id, string Name, int TicketCount)> Tags(JsonObject page) =>
        page["items"]!.AsArray()
            .Select(t => (t!["id"]!.GetValue<int>(), t["name"]!.GetValue<string>(), t["ticketCount"]!.GetValue<int>()))
            .ToList();

    private static async Task<IReadOnlyList<string>> TicketTagsAsync(Desk desk, int number) =>
        (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();

    private static async Task<int> CreateAsync(Desk desk, string name)
    {
        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tags", new { name });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }
}
