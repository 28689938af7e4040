using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// Two agents in two browsers on the same ticket: each sees that the other is there (collision warning), a note
/// written by one appears for the other without a reload, and the warning goes when the colleague leaves.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LiveJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Two_agents_on_one_ticket_see_each_other_and_each_others_notes_live(string device)
    {
        var number = await OpenTicketAsync($"Live journey ({device}): scanner on floor 2 is offline");
        await using var pedro = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        await using var mariana = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        await pedro.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword, $"/agent/tickets/{number}");
        await mariana.SignInAsync(AtendeServer.DemoAdminEmail, AtendeServer.DemoPassword, $"/agent/tickets/{number}");

        await Expect(pedro.Page.GetByTestId("ticket-viewers")).ToContainTextAsync("Mariana Costa");
        await Expect(mariana.Page.GetByTestId("ticket-viewers")).ToContainTextAsync("Pedro Henrique Santos");

        var note = $"Checked the cabling on floor 2 ({device}); the switch port is dead.";
        await pedro.Page.GetByTestId("reply-internal").ClickAsync();
        await pedro.Page.GetByTestId("reply-body").FillAsync(note);
        await pedro.Page.GetByTestId("reply-send").ClickAsync();
        await Expect(pedro.Page.GetByTestId("timeline-note").Last).ToContainTextAsync(note);

        // Mariana did nothing: the note arrives through the live feed.
        await Expect(mariana.Page.GetByTestId("timeline-note").Last).ToContainTextAsync(note, new() { Timeout = 15_000 });
        await mariana.AssertNoHorizontalOverflowAsync();
        var seen = await mariana.ScreenshotAsync("live-colleague-note");

        await mariana.GotoAsync("/agent");
        await Expect(pedro.Page.GetByTestId("ticket-viewers")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var alone = await pedro.ScreenshotAsync("live-alone-again");

        output.WriteLine($"screenshots: {seen}, {alone}");
        Assert.Empty(pedro.PageErrors);
        Assert.Empty(mariana.PageErrors);
    }

    /// <summary>A ticket no team owns yet, so every agent sees it; opened through the API like an integration would.</summary>
    private async Task<int> OpenTicketAsync(string subject)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email = AtendeServer.AdminEmail, password = AtendeServer.AdminPassword });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        var created = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            description = "The scanner does not answer since the power cut.",
            requester = new { email = "live.journey@construtorahorizonte.example", name = "Live Journey" },
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
    }
}
