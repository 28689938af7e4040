using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// A customer's request is resolved (by an agent, through the API); the customer opens the survey link from the email
/// without signing in, rates the service, then changes the answer — in English and in Portuguese, on a desk and a phone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class SurveyJourney(AtendeServer server, ChromiumBrowser chromium)
{
    [Theory]
    [InlineData("desktop", "en")]
    [InlineData("phone", "en")]
    [InlineData("desktop", "pt-BR")]
    [InlineData("phone", "pt-BR")]
    public async Task A_customer_rates_a_resolved_request_through_the_emailed_link_without_signing_in(string device, string language)
    {
        var portuguese = language == "pt-BR";
        using var admin = await ApiAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword);
        var email = $"survey.{device}.{language.ToLowerInvariant()}@client.example";
        var subject = portuguese ? $"Impressora do 3º andar travada ({device})" : $"Printer on floor 3 is jammed ({device})";
        var opened = await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            description = "Error E-42.",
            requester = new { email, name = portuguese ? "Joana Ribeiro" : "Joan Rivers" },
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var number = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
        var resolved = await admin.PatchAsync($"/api/v1/tickets/{number}", JsonContent.Create(new { status = "resolved" }));
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
        var link = await SurveyLinkAsync(number);

        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await page.GotoAsync(link);
        if (portuguese)
        {
            await page.GetByTestId("portal-language-pt").ClickAsync();
        }
        var survey = page.GetByTestId("survey");
        await Expect(survey).ToHaveAttributeAsync("data-state", "open");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = portuguese ? "Como foi o atendimento?" : "How did we do?" })).ToBeVisibleAsync();
        await Expect(survey).ToContainTextAsync(subject);
        await Expect(page.GetByTestId("portal-sign-in-link")).ToBeVisibleAsync();

        // Sending without a score asks for one, in the reader's language.
        await page.GetByTestId("survey-submit").ClickAsync();
        await Expect(page.GetByTestId("survey-error")).ToContainTextAsync(portuguese ? "Escolha uma nota" : "Pick a rating");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();

        await page.Locator("label[for=survey-score-4]").ClickAsync();
        await page.GetByTestId("survey-comment").FillAsync(portuguese ? "Rápido e gentil." : "Quick and kind.");
        await workspace.ScreenshotAsync($"survey-form-{language}");
        await page.GetByTestId("survey-submit").ClickAsync();
        await Expect(survey).ToHaveAttributeAsync("data-state", "answered");
        await Expect(page.GetByTestId("survey-thanks")).ToContainTextAsync(portuguese ? "4 de 5" : "4 of 5");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();

        // Second thoughts within the week: the answer changes, it is not a second one.
        await page.GetByTestId("survey-change").ClickAsync();
        await page.Locator("label[for=survey-score-5]").ClickAsync();
        await page.GetByTestId("survey-submit").ClickAsync();
        await Expect(page.GetByTestId("survey-thanks")).ToContainTextAsync(portuguese ? "5 de 5" : "5 of 5");
        await Expect(page.GetByTestId("survey-thanks")).ToContainTextAsync(portuguese ? "Rápido e gentil." : "Quick and kind.");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.ScreenshotAsync($"survey-thanks-{language}");

        var ticket = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/tickets/{number}");
        Assert.Equal(5, ticket!["satisfaction"]!["score"]!.GetValue<int>());

        // A tampered link shows a friendly page, and nothing of the ticket.
        await page.GotoAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..]);
        await Expect(page.GetByTestId("survey-invalid")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(subject);
        await workspace.AssertAccessibleAsync();
        Assert.Empty(workspace.PageErrors);
        Assert.Empty(workspace.Blocked);

        // The agent's ticket page shows the rating.
        await using var agent = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        await agent.SignInAsync(AtendeServer.AdminEmail, AtendeServer.AdminPassword, $"/agent/tickets/{number}");
        if (agent.Device.Phone)
        {
            // On a phone the properties fold into a panel.
            await agent.Page.GetByTestId("phone-properties").Locator(".mud-expand-panel-header").ClickAsync();
        }
        var rating = agent.Page.Locator("[data-testid=prop-rating-score]:visible");
        await Expect(rating).ToContainTextAsync("5 of 5");
        await rating.ScrollIntoViewIfNeededAsync();
        await agent.ScreenshotAsync($"survey-agent-rating-{language}");
    }

    private async Task<HttpClient> ApiAsync(string email, string password)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password, name = "survey journey" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return http;
    }

    /// <summary>The link in the queued survey email (no mail server in the journeys: it is read from the outgoing queue).</summary>
    private async Task<string> SurveyLinkAsync(int number)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await using (var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """SELECT "TextBody" FROM "OutboundEmails" WHERE "TicketId" = $number AND "Kind" = 'ticket.resolved'""";
                command.Parameters.AddWithValue("$number", number);
                if (await command.ExecuteScalarAsync() is string body)
                {
                    return server.Url(LinkPattern().Match(body).Value).ToString();
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No survey email was queued for #{number}.");
    }

    [GeneratedRegex(@"/portal/survey/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
