using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An agent looks a requester up before answering: the customer's page (details, team notes, their tickets), then
/// their organization (domains, contacts, its tickets) — and writes a note for the colleagues. Desk and phone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PeopleJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_agent_reads_a_customer_and_their_organization_and_keeps_a_note(string device)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AgentEmail, AtendeServer.DemoPassword);
        // The administration links are for administrators only.
        await Expect(page.GetByTestId("admin-nav")).ToHaveCountAsync(0);

        // A requester of a ticket this agent sees, who belongs to an organization.
        var tickets = await page.Context.APIRequest.GetAsync(server.Url("/api/v1/tickets?limit=50").ToString());
        Assert.True(tickets.Ok, await tickets.TextAsync());
        using var list = JsonDocument.Parse(await tickets.TextAsync());
        var ticket = list.RootElement.GetProperty("items").EnumerateArray()
            .First(t => t.GetProperty("organization").ValueKind == JsonValueKind.Object);
        var customerId = ticket.GetProperty("requester").GetProperty("id").GetInt32();
        var customerName = ticket.GetProperty("requester").GetProperty("name").GetString()!;
        var organizationName = ticket.GetProperty("organization").GetProperty("name").GetString()!;
        var number = ticket.GetProperty("number").GetInt32();

        await workspace.GotoAsync($"/agent/customers/{customerId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = customerName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("person-tickets")).ToContainTextAsync($"#{number}");

        // A note in Markdown, shown rendered to every agent (and never to the customer: see the HTTP tests).
        await page.GetByTestId("notes-edit").ClickAsync();
        await page.Locator(".notes-input textarea").First.FillAsync($"Prefers **phone calls** ({device}).\n\n- after 2pm");
        await page.GetByTestId("notes-save").ClickAsync();
        await Expect(page.Locator(".notes-body strong")).ToHaveTextAsync("phone calls");
        await Expect(page.Locator(".notes-body li")).ToHaveTextAsync("after 2pm");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("customer-page");

        await page.GetByTestId("customer-organization").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = organizationName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contacts")).ToContainTextAsync(customerName);
        await Expect(page.GetByTestId("person-tickets")).ToContainTextAsync($"#{number}");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("organization-page");

        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }
}
