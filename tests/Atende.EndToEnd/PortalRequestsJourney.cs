using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>
/// A customer asks for help in the portal: picks a type from the catalog, fills its form with a photo and an
/// attachment (and first meets the inline validation, in their language), follows the request, replies with a
/// file, sees the team's answer (never its internal note), rates it once an agent resolved it, and reopens it.
/// Also: while typing, knowledge-base articles are suggested, and one that solves the problem ends the visit
/// without a ticket. Desktop and phone, English (Emily) and Brazilian Portuguese (Ana).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PortalRequestsJourney(AtendeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    /// <summary>Demo contacts who sign in to the portal (DemoPeople: SignsIn), each in their own language.</summary>
    private const string EmilyEmail = "emily.carter@harborline.example";
    private const string AnaEmail = "ana.souza@construtorahorizonte.example";

    private sealed record Texts(string Email, string Home, string Required, string Received, string Resolved, string InProgress, string Created, string Reopened);

    private static Texts For(string language) => language == "pt-BR"
        ? new(AnaEmail, "Como podemos ajudar?", "Este campo é obrigatório.", "Recebida", "Resolvida", "Em andamento",
            "Sua solicitação foi enviada.", "A solicitação foi reaberta.")
        : new(EmilyEmail, "How can we help?", "This field is required.", "Received", "Resolved", "In progress",
            "Your request was sent.", "The request was reopened.");

    [Theory]
    [InlineData("desktop", "en")]
    [InlineData("phone", "pt-BR")]
    [InlineData("desktop", "pt-BR")]
    [InlineData("phone", "en")]
    public async Task A_customer_submits_a_request_with_files_follows_it_replies_and_reopens_it(string device, string language)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var texts = For(language);
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await SignInAsync(workspace, texts.Email);
        var shot = $"{language}";

        // The catalog, grouped by category.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.Home, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("catalog-hardware")).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-home-{shot}");

        // The hardware form; sent empty, every required field says what is missing, in the customer's language.
        await page.GetByTestId("catalog-hardware").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal/new/hardware");
        await page.GetByTestId("submit-request").ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("error-subject")).ToHaveTextAsync(texts.Required);
        await Expect(page.GetByTestId("error-fields-computerNumber")).ToHaveTextAsync(texts.Required);
        await Expect(page.Locator("#subject")).ToHaveAttributeAsync("aria-invalid", "true");
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-form-errors-{shot}");

        await page.GetByTestId("subject").FillAsync($"Laptop screen flickers {run}");
        await page.GetByTestId("description").FillAsync("The screen of my laptop **flickers** since yesterday.");
        await page.GetByTestId("field-computerNumber").FillAsync($"NB-{run}");
        await page.GetByTestId("field-location").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("field-photo").SetInputFilesAsync(new FilePayload
        {
            Name = $"screen-{run}.png", MimeType = "image/png", Buffer = Convert.FromBase64String(TinyPng),
        });
        await page.GetByTestId("attachments").SetInputFilesAsync(new FilePayload
        {
            Name = "dxdiag.txt", MimeType = "text/plain", Buffer = "Display driver 31.0.101\n"u8.ToArray(),
        });
        await page.GetByTestId("submit-request").ClickAsync();

        // The request's page: what was asked, the form's values, both files.
        await page.WaitForURLAsync(new Regex(@"/portal/requests/\d+"));
        var number = int.Parse(new Regex(@"/portal/requests/(\d+)").Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("banner")).ToContainTextAsync(texts.Created);
        await Expect(page.GetByTestId("request-subject")).ToHaveTextAsync($"Laptop screen flickers {run}");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(texts.Received);
        await Expect(page.GetByTestId("details")).ToContainTextAsync($"NB-{run}");
        await Expect(page.GetByTestId("details")).ToContainTextAsync($"screen-{run}.png");
        await Expect(page.GetByTestId("attachment")).ToHaveCountAsync(2);
        var download = await page.APIRequest.GetAsync(server.Url((await page.GetByTestId("attachment").Filter(new() { HasText = "dxdiag.txt" }).GetAttributeAsync("href"))!).ToString());
        Assert.Equal("Display driver 31.0.101\n", await download.TextAsync());

        // A reply with a file.
        await page.GetByTestId("reply-body").FillAsync("It also happens on the external monitor.");
        await page.GetByTestId("reply-files").SetInputFilesAsync(new FilePayload
        {
            Name = "monitor.txt", MimeType = "text/plain", Buffer = "HDMI 2\n"u8.ToArray(),
        });
        await page.GetByTestId("send-reply").ClickAsync();
        await Expect(page.GetByTestId("message")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("message").Last).ToContainTextAsync("external monitor");
        await Expect(page.GetByTestId("attachment")).ToHaveCountAsync(3);

        // The team answers, writes a note between themselves, and resolves it (through the API).
        using (var agent = await ApiAsAsync(AtendeServer.AgentEmail))
        {
            (await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = $"Internal: replace the panel {run}", visibility = "internal" })).EnsureSuccessStatusCode();
            (await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "We updated the display driver remotely; please check.", status = "resolved" })).EnsureSuccessStatusCode();
        }
        await page.ReloadAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(texts.Resolved);
        await Expect(page.GetByTestId("message")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("conversation")).ToContainTextAsync("display driver remotely");
        await Expect(page.GetByTestId("conversation")).Not.ToContainTextAsync("Internal: replace the panel");
        await Expect(page.GetByTestId("reply-body")).ToHaveCountAsync(0);
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-request-resolved-{shot}");

        // The resolved request asks the requester how it went (the surveys' component on this page).
        await Expect(page.GetByTestId("survey")).ToBeVisibleAsync();
        await page.Locator("label[for=survey-score-4]").ClickAsync();
        await page.GetByTestId("survey-comment").FillAsync("Quick answer, thanks.");
        await page.GetByTestId("survey-submit").ClickAsync();
        await Expect(page.GetByTestId("survey-thanks")).ToBeVisibleAsync();

        // Not solved after all: reopened within the period.
        await page.GetByTestId("reopen-request").ClickAsync();
        await Expect(page.GetByTestId("banner")).ToContainTextAsync(texts.Reopened);
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(texts.InProgress);
        await Expect(page.GetByTestId("reply-body")).ToBeVisibleAsync();

        // The list of requests shows it among the open ones.
        await page.GetByTestId("portal-my-requests").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal/requests");
        await Expect(page.GetByTestId($"request-{number}")).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync($"portal-requests-{shot}");

        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }

    /// <summary>Needs the knowledge base (GET /api/v1/kb/suggestions, POST /api/v1/kb/deflections, POST /api/v1/kb/articles).</summary>
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_customer_sees_suggestions_while_typing_and_an_article_solves_the_problem(string device)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var word = "zyglotron" + run;
        using (var admin = await ApiAsAsync(AtendeServer.DemoAdminEmail))
        {
            var categories = await admin.PostAsJsonAsync("/api/v1/kb/categories", new { name = $"Printers {run}" });
            Assert.True(categories.IsSuccessStatusCode, await categories.Content.ReadAsStringAsync());
            var categoryId = (await categories.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
            var article = await admin.PostAsJsonAsync("/api/v1/kb/articles", new
            {
                title = $"How to reset the {word} printer",
                body = $"Hold the **reset** button of the {word} printer for ten seconds, then switch it on again.",
                categoryId,
                language = "en",
                status = "published",
                visibility = "public",
            });
            Assert.True(article.IsSuccessStatusCode, await article.Content.ReadAsStringAsync());
        }
        await using var workspace = await Workspace.OpenAsync(server, chromium, Device.Named(device));
        var page = workspace.Page;
        await SignInAsync(workspace, EmilyEmail);
        using var customer = await ApiAsAsync(EmilyEmail);

        await workspace.GotoAsync("/portal/new/incident");
        await page.GetByTestId("subject").PressSequentiallyAsync($"The {word} printer is stuck", new() { Delay = 20 });
        var suggestion = page.GetByTestId("suggestion").Filter(new() { HasText = $"How to reset the {word} printer" });
        await Expect(suggestion).ToBeVisibleAsync();
        await workspace.AssertNoHorizontalOverflowAsync();
        await workspace.AssertAccessibleAsync();
        await workspace.ScreenshotAsync("portal-suggestions");

        await suggestion.GetByTestId("deflect").ClickAsync();
        await Expect(page.GetByTestId("deflected")).ToBeVisibleAsync();
        await Expect(page.Locator("#new-request")).ToBeHiddenAsync();
        // Deflected: no request was opened about it.
        Assert.Equal(0, await CountTicketsAboutAsync(customer, word));

        workspace.Blocked.ForEach(output.WriteLine);
        Assert.Empty(workspace.PageErrors);
    }

    /// <summary>
    /// The customer signs in on the account page with the portal as the way back (it sets the same cookie as the
    /// portal's own sign-in page).
    /// </summary>
    private async Task SignInAsync(Workspace workspace, string email)
    {
        var page = workspace.Page;
        await workspace.GotoAsync("/account/sign-in?returnUrl=%2Fportal");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(AtendeServer.DemoPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        await Expect(page.GetByTestId("portal-sign-out")).ToBeAttachedAsync();
    }

    private static async Task<int> CountTicketsAboutAsync(HttpClient customer, string word)
    {
        var page = await customer.GetFromJsonAsync<JsonObject>($"/api/v1/tickets?q={word}");
        return page!["items"]!.AsArray().Count;
    }

    private async Task<HttpClient> ApiAsAsync(string email)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = AtendeServer.DemoPassword, name = "journey" });
        token.EnsureSuccessStatusCode();
        var secret = (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    /// <summary>A 1×1 PNG: a real image for the photo field.</summary>
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
}
