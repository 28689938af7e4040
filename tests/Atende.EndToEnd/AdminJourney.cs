using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An administrator builds a request type's form (a field appears on that type), adds an agent and puts them in a new
/// team, and looks at the statuses — on a desk and on a phone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_adds_a_form_field_to_a_request_type_then_an_agent_and_a_team(string device)
    {
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword, "/admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("admin-nav")).ToHaveCountAsync(1);
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("admin-overview");

        // A new request type of its own, so the demo's types (and other journeys' tickets) keep their forms.
        var typeName = $"Laptop request {device}";
        var typeKey = $"laptop_request_{device}";
        await workspace.GotoAsync("/admin/request-types");
        await page.GetByTestId("type-add").ClickAsync();
        await page.Locator(".type-name input").FillAsync(typeName);
        await Expect(page.Locator(".type-key input")).ToHaveValueAsync(typeKey);
        await page.GetByTestId("type-save").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/admin/request-types/{typeKey}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = typeName })).ToBeVisibleAsync();

        // The form builder: a required dropdown, then a text field moved above it.
        await page.Locator(".fb-add-Dropdown").ClickAsync();
        var dropdown = page.Locator(".fb-field").Nth(0);
        await dropdown.Locator(".fb-label input").FillAsync("Operating system");
        await dropdown.Locator(".fb-options textarea").First.FillAsync("Windows\nLinux\nmacOS");
        await dropdown.Locator(".fb-required input").CheckAsync();
        await page.Locator(".fb-add-Text").ClickAsync();
        var text = page.Locator(".fb-field").Nth(1);
        await text.Locator(".fb-label input").FillAsync("Asset tag");
        await text.Locator(".fb-up").ClickAsync();
        await Expect(page.Locator(".fb-preview")).ToContainTextAsync("Operating system");
        await page.Locator(".fb-save").ClickAsync();
        await Expect(page.Locator(".fb-field").Nth(0).Locator(".fb-key input")).ToBeDisabledAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("admin-form-builder");

        // The field is part of the type now: what a ticket of that type is given to fill in.
        var response = await page.Context.APIRequest.GetAsync(server.Url($"/api/v1/request-types/{typeKey}").ToString());
        Assert.True(response.Ok, $"{response.Status} {await response.TextAsync()}");
        using var type = JsonDocument.Parse(await response.TextAsync());
        var fields = type.RootElement.GetProperty("formFields").EnumerateArray().ToList();
        Assert.Equal(["assetTag", "operatingSystem"], fields.Select(f => f.GetProperty("key").GetString()));
        Assert.True(fields[1].GetProperty("required").GetBoolean());
        Assert.Equal(["Windows", "Linux", "macOS"], fields[1].GetProperty("options").EnumerateArray().Select(o => o.GetString()));

        // A ticket of that type shows the new fields on its page, with the values it was opened with.
        var opened = await page.Context.APIRequest.PostAsync(server.Url("/api/v1/tickets").ToString(), new()
        {
            DataObject = new
            {
                subject = $"New laptop for the {device} team",
                description = "The old one is out of warranty.",
                type = typeKey,
                requester = new { email = $"laptop.{device}@email.example", name = "Laptop Requester" },
                fields = new { operatingSystem = "Linux", assetTag = "A-1042" },
            },
        });
        Assert.True(opened.Status == 201, $"{opened.Status} {await opened.TextAsync()}");
        using var ticket = JsonDocument.Parse(await opened.TextAsync());
        await workspace.GotoAsync($"/agent/tickets/{ticket.RootElement.GetProperty("number").GetInt32()}");
        await Expect(page.Locator("body")).ToContainTextAsync("Operating system");
        await Expect(page.Locator("body")).ToContainTextAsync("Asset tag");
        await workspace.ScreenshotAsync("admin-ticket-with-new-field");

        // A new agent who can sign in at once.
        var agentName = $"Rita Rocha {device}";
        await workspace.GotoAsync("/admin/agents");
        await page.GetByTestId("agent-add").ClickAsync();
        await page.Locator(".agent-email input").FillAsync($"rita.{device}@atende-demo.example");
        await page.Locator(".agent-name input").FillAsync(agentName);
        await page.Locator(".agent-skills input").FillAsync("vpn, printers");
        await page.Locator(".agent-password input").FillAsync("rita-password-123");
        await page.GetByTestId("agent-save").ClickAsync();
        await Expect(page.GetByText(agentName)).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("admin-agents");

        // A new team with that agent; its card shows the member and the skills they bring.
        var teamName = $"Field services {device}";
        await workspace.GotoAsync("/admin/teams");
        await page.GetByTestId("team-add").ClickAsync();
        await page.Locator(".team-name input").FillAsync(teamName);
        await page.Locator(".team-members").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = agentName }).ClickAsync();
        // A click beside the open list closes it, as a person would (on a phone there is no Escape key).
        await page.Locator(".team-name").ClickAsync(new() { Force = true });
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = agentName })).ToBeHiddenAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("admin-team-dialog");
        await page.GetByTestId("team-save").ClickAsync();
        var card = page.GetByTestId("team-card").Filter(new() { HasText = teamName });
        await Expect(card).ToContainTextAsync(agentName);
        await Expect(card).ToContainTextAsync("vpn");
        await card.ScrollIntoViewIfNeededAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("admin-teams");

        // The workflow: moving "New" down and back up again sends the whole order each time.
        await workspace.GotoAsync("/admin/statuses");
        var rows = page.GetByTestId("status-row");
        await Expect(rows.First).ToHaveAttributeAsync("data-key", "new");
        await rows.First.Locator(".status-down").ClickAsync();
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("data-key", "new");
        await rows.Nth(1).Locator(".status-up").ClickAsync();
        await Expect(rows.First).ToHaveAttributeAsync("data-key", "new");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("admin-statuses");

        // The other lists open and fit the screen.
        foreach (var (path, name) in new[] { ("/admin/organizations", "admin-organizations"), ("/admin/customers", "admin-customers"), ("/admin/tags", "admin-tags") })
        {
            await workspace.GotoAsync(path);
            await Expect(page.Locator("tbody .mud-table-row").First).ToBeVisibleAsync();
            await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
            await workspace.ScreenshotAsync(name);
        }

        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }
}
