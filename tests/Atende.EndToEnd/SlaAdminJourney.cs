using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// An administrator sets up service levels from /admin/sla on a desk and on a phone: a calendar (Monday to Friday,
/// 08:00–18:00) with holidays imported from an .ics file, then a policy with a condition row and targets for urgent
/// tickets. A matching ticket then shows the policy and its countdowns on the agent's ticket page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SlaAdminJourney(AtendeServer server, ChromiumBrowser chromium)
{
    private const string Holidays = """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20271225
        DTEND;VALUE=DATE:20271226
        RRULE:FREQ=YEARLY
        SUMMARY:Natal
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20271115
        SUMMARY:Proclamação da República
        END:VEVENT
        END:VCALENDAR
        """;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_builds_a_calendar_and_a_policy_and_a_matching_ticket_shows_its_due_times(string device)
    {
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);
        var run = $"{device}{Guid.NewGuid():N}"[..14];
        var calendarName = $"São Paulo 8-18 {run}";
        var policyName = $"Urgent SP {run}";

        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await workspace.SignInAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword, "/admin/sla");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Service levels (SLA)" })).ToBeVisibleAsync();

        // The calendar: the dialog starts from Monday to Friday, 08:00–18:00, in São Paulo.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Working hours" }).ClickAsync();
        await page.GetByTestId("sla-hours-add").ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(calendarName);
        await Expect(page.GetByTestId("sla-day")).ToHaveCountAsync(7);
        await page.GetByTestId("sla-hours-save").ClickAsync();
        var card = page.GetByTestId("sla-hours-card").Filter(new() { HasText = calendarName });
        await Expect(card).ToContainTextAsync("08:00–18:00");
        await Expect(card).ToContainTextAsync("America/Sao_Paulo");

        await card.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "feriados.ics", MimeType = "text/calendar", Buffer = Encoding.UTF8.GetBytes(Holidays) });
        await Expect(card).ToContainTextAsync("2 holiday(s)");
        await workspace.ScreenshotAsync("sla-admin-hours");
        // The "2 holidays added" message fades in and out; axe measures a half-transparent one as low contrast.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();

        // The policy: tickets whose subject names this run, measured in that calendar.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Policies" }).ClickAsync();
        await page.GetByTestId("sla-policy-add").ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(policyName);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Working hours" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = calendarName }).ClickAsync();
        await page.GetByTestId("condition-add").ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Field" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Subject", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Operator" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "contains", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Value" }).FillAsync(run);
        var urgent = page.GetByTestId("sla-target").First;
        await urgent.GetByRole(AriaRole.Spinbutton, new() { Name = "First response (min)" }).FillAsync("30");
        await urgent.GetByRole(AriaRole.Spinbutton, new() { Name = "Resolution (min)" }).FillAsync("240");
        await workspace.ScreenshotAsync("sla-admin-policy-dialog");
        await page.GetByTestId("sla-policy-save").ClickAsync();
        var policyCard = page.GetByTestId("sla-policy-card").Filter(new() { HasText = policyName });
        await Expect(policyCard).ToContainTextAsync($"Subject contains {run}");
        await Expect(policyCard).ToContainTextAsync("4 h");
        await workspace.ScreenshotAsync("sla-admin-policies");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        Assert.Empty(workspace.PageErrors);
        Assert.Empty(workspace.Blocked);

        var policy = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/sla-policies"))!.First(p => p!["name"]!.GetValue<string>() == policyName)!;
        Assert.Equal(240, policy["targets"]!["urgent"]!["resolutionMinutes"]!.GetValue<int>());

        // A matching urgent ticket gets the policy; the ticket page counts down to its due times.
        var opened = await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = $"Payroll export fails ({run})",
            description = "Since this morning.",
            priority = "urgent",
            requester = new { email = $"sla.{run}@client.example", name = "Sla Customer" },
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var number = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
        for (var i = 0; i < 100 && (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/tickets/{number}"))!["sla"]!["policy"] is null; i++)
        {
            await Task.Delay(100);
        }
        await workspace.GotoAsync($"/agent/tickets/{number}");
        if (device == "phone")
        {
            // On a phone the properties sit in a panel above the conversation.
            await page.GetByTestId("phone-properties").Locator(".mud-expand-panel-header").ClickAsync();
        }
        var sla = page.GetByTestId("prop-sla").Locator("visible=true");
        await Expect(sla).ToContainTextAsync(policyName);
        await Expect(sla.GetByTestId("sla-countdown")).ToHaveCountAsync(2);
        await sla.ScrollIntoViewIfNeededAsync();
        await workspace.ScreenshotAsync("sla-ticket-countdowns");
    }

    private async Task<HttpClient> ApiAsync(string email, string password)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "sla journey" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }
}
