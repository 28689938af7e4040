using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.KnowledgeBase;

public sealed class KnowledgeBaseApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task The_help_center_is_for_shared_caches_but_a_browser_asks_again_so_a_language_switch_shows_at_once()
    {
        var visitor = factory.CreateClient(new() { AllowAutoRedirect = false });
        // The first visit sets the antiforgery cookie (never for shared caches); from then on the page is the same for everyone.
        var first = (await visitor.GetAsync("/help")).Headers.CacheControl!;
        Assert.True(first.Private && first.NoCache);
        var home = await visitor.GetAsync("/help");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var cache = home.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.Zero, cache.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(5), cache.SharedMaxAge);
        Assert.Contains("Cookie", home.Headers.Vary);
    }

    [Fact]
    public async Task Agents_write_articles_and_visitors_read_only_the_published_public_ones()
    {
        var desk = await Desk.BuildAsync(factory);
        var category = await CategoryAsync(desk, $"Accounts {desk.Suffix}");
        var published = await ArticleAsync(desk.AgentInSupport, category, $"Reset your password {desk.Suffix}", "Open **Settings** and pick *Reset*.", status: "published");
        var draft = await ArticleAsync(desk.AgentInSupport, category, $"Draft about passwords {desk.Suffix}", "Not ready.");
        var internalOne = await ArticleAsync(desk.AgentInSupport, category, $"Password reset runbook {desk.Suffix}", "Agents only.", status: "published", visibility: "internal");

        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Equal($"/help/articles/{Id(published)}-reset-your-password-{desk.Suffix}", published["url"]!.GetValue<string>());

        foreach (var reader in new[] { desk.Anonymous, desk.Ana })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/kb/articles/{Id(published)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/kb/articles/{Id(draft)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/kb/articles/{Id(internalOne)}")).StatusCode);
            var list = await reader.GetJsonAsync($"/api/v1/kb/articles?categoryId={category}");
            Assert.Equal([Id(published)], list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
            var search = await reader.GetJsonAsync($"/api/v1/kb/search?q=password {desk.Suffix}");
            Assert.Equal([Id(published)], search["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
        }
        var agentSearch = await desk.AgentInInfra.GetJsonAsync($"/api/v1/kb/search?q=password {desk.Suffix}");
        Assert.Equal(2, agentSearch["items"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync("/api/v1/kb/articles", new { title = "x", body = "y", categoryId = category })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/kb/articles", new { title = "x", body = "y", categoryId = category })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync($"/api/v1/kb/articles/{Id(published)}", new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/kb/categories", new { name = "Mine" })).StatusCode);
    }

    [Fact]
    public async Task Publishing_puts_an_article_in_the_search_and_unpublishing_takes_it_out()
    {
        var desk = await Desk.BuildAsync(factory);
        var category = await CategoryAsync(desk, $"Billing {desk.Suffix}");
        var article = await ArticleAsync(desk.AgentInSupport, category, $"Invoices {desk.Suffix}", "Download the invoice from the billing page.");
        Assert.Empty(await SearchIdsAsync(desk.Anonymous, $"invoice {desk.Suffix}"));

        var publish = await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/kb/articles/{Id(article)}", new { status = "published" });
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal([Id(article)], await SearchIdsAsync(desk.Anonymous, $"invoice {desk.Suffix}"));

        var edit = await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/kb/articles/{Id(article)}", new { body = "Receipts are mailed monthly." });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal([Id(article)], await SearchIdsAsync(desk.Anonymous, $"receipts {desk.Suffix}"));

        await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/kb/articles/{Id(article)}", new { visibility = "internal" });
        Assert.Empty(await SearchIdsAsync(desk.Anonymous, $"receipts {desk.Suffix}"));
        Assert.Equal([Id(article)], await SearchIdsAsync(desk.AgentInInfra, $"receipts {desk.Suffix}"));

        await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/kb/articles/{Id(article)}", new { status = "draft" });
        Assert.Empty(await SearchIdsAsync(desk.AgentInInfra, $"receipts {desk.Suffix}"));

        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.DeleteAsync($"/api/v1/kb/articles/{Id(article)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync($"/api/v1/kb/articles/{Id(article)}")).StatusCode);
    }

    [Fact]
    public async Task Search_ignores_accents_matches_word_prefixes_ranks_titles_first_and_marks_the_matched_words()
    {
        var desk = await Desk.BuildAsync(factory);
        var category = await CategoryAsync(desk, $"Configuração {desk.Suffix}");
        var inBody = await ArticleAsync(desk.AgentInSupport, category, $"Primeiros passos {desk.Suffix}", "Depois da instalação, abra a configuração da impressora.", "pt-BR", "published");
        var inTitle = await ArticleAsync(desk.AgentInSupport, category, $"Configuração da impressora {desk.Suffix}", "Abra o painel e escolha a rede.", "pt-BR", "published");

        var results = await desk.Anonymous.GetJsonAsync($"/api/v1/kb/search?q=configuracao impress {desk.Suffix}");
        var items = results["items"]!.AsArray();
        Assert.Equal([Id(inTitle), Id(inBody)], items.Select(i => i!["id"]!.GetValue<int>()));
        var snippet = items[1]!["snippet"]!;
        var text = snippet["text"]!.GetValue<string>();
        var marked = snippet["highlights"]!.AsArray().Select(h => text.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())).ToList();
        Assert.Contains("configuração", marked);
        Assert.Contains("impressora", marked);

        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Anonymous.GetAsync("/api/v1/kb/search?q=")).StatusCode);
        // Engine syntax is only ever words: quotes, stars and operators search for nothing odd and never fail.
        Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/api/v1/kb/search?q=%22a%22*%20OR%20NEAR(x)%20-%20%5E")).StatusCode);
    }

    [Fact]
    public async Task Translations_form_a_group_and_the_readers_language_is_preferred()
    {
        var desk = await Desk.BuildAsync(factory);
        var category = await CategoryAsync(desk, $"Wifi {desk.Suffix}");
        var english = await ArticleAsync(desk.AgentInSupport, category, $"Connect to the wifi {desk.Suffix}", "Choose the office network.", "en", "published");
        var portuguese = await ArticleAsync(desk.AgentInSupport, category, $"Conectar ao wifi {desk.Suffix}", "Escolha a rede do escritório.", "pt-BR", "published", translationOf: Id(english));
        Assert.Equal(Id(english), portuguese["translationOf"]!.GetValue<int>());
        Assert.Equal(Id(portuguese), english["id"]!.GetValue<int>() == Id(english)
            ? (await desk.Anonymous.GetJsonAsync($"/api/v1/kb/articles/{Id(english)}"))["translations"]!.AsArray().Single()!["id"]!.GetValue<int>()
            : 0);

        var again = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/kb/articles", new { title = "Outra", body = "x", categoryId = category, language = "pt-BR", translationOf = Id(english) });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var inPortuguese = await desk.Anonymous.GetJsonAsync($"/api/v1/kb/search?q=wifi {desk.Suffix}&language=pt-BR");
        Assert.Equal([Id(portuguese)], inPortuguese["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
        var inEnglish = await desk.Anonymous.GetJsonAsync($"/api/v1/kb/articles?categoryId={category}&prefer=en");
        Assert.Equal([Id(english)], inEnglish["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
        var categories = await desk.Anonymous.GetFromJsonAsync<JsonArray>("/api/v1/kb/categories");
        Assert.Equal(1, categories!.Single(c => c!["id"]!.GetValue<int>() == category)!["articleCount"]!.GetValue<int>());

        // Category names follow the reader's language when a Portuguese one exists.
        await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/kb/categories/{category}", new { portugueseName = $"Rede sem fio {desk.Suffix}" });
        var inPortugueseNames = await desk.Anonymous.GetFromJsonAsync<JsonArray>("/api/v1/kb/categories?language=pt-BR");
        Assert.Equal($"Rede sem fio {desk.Suffix}", inPortugueseNames!.Single(c => c!["id"]!.GetValue<int>() == category)!["name"]!.GetValue<string>());
        var inEnglishNames = await desk.Anonymous.GetFromJsonAsync<JsonArray>("/api/v1/kb/categories?language=en");
        Assert.Equal($"Wifi {desk.Suffix}", inEnglishNames!.Single(c => c!["id"]!.GetValue<int>() == category)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Suggestions_answer_a_request_being_typed_and_deflections_and_votes_are_counted()
    {
        var desk = await Desk.BuildAsync(factory);
        var category = await CategoryAsync(desk, $"VPN {desk.Suffix}");
        var vpn = await ArticleAsync(desk.AgentInSupport, category, $"VPN disconnects every hour {desk.Suffix}", "Renew the certificate in the VPN client.", status: "published");
        await ArticleAsync(desk.AgentInSupport, category, $"Printer jams {desk.Suffix}", "Open tray 2.", status: "published");
        var hidden = await ArticleAsync(desk.AgentInSupport, category, $"VPN server restart {desk.Suffix}", "Restart the VPN concentrator.", status: "published", visibility: "internal");

        var suggestions = await desk.Anonymous.GetJsonAsync($"/api/v1/kb/suggestions?subject=My VPN keeps disconnecting {desk.Suffix}&description=every hour or so");
        var items = suggestions["items"]!.AsArray();
        Assert.Equal(Id(vpn), items[0]!["id"]!.GetValue<int>());
        Assert.DoesNotContain(items, i => i!["id"]!.GetValue<int>() == Id(hidden));
        Assert.All(items, i => Assert.True(i!["score"]!.GetValue<double>() > 0));
        Assert.StartsWith("/help/articles/", items[0]!["url"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(items[0]!["snippet"]!.GetValue<string>()));
        Assert.True(items.Count <= 5);

        var deflected = await desk.Ana.PostAsJsonAsync("/api/v1/kb/deflections", new { articleId = Id(vpn), subject = "My VPN keeps disconnecting" });
        Assert.Equal(HttpStatusCode.Created, deflected.StatusCode);
        var anonymous = await desk.Anonymous.PostAsJsonAsync("/api/v1/kb/deflections", new { articleId = Id(vpn), subject = "VPN" });
        Assert.Equal(2, (await anonymous.JsonAsync())["deflectionCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Anonymous.PostAsJsonAsync("/api/v1/kb/deflections", new { articleId = Id(hidden) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Anonymous.PostAsJsonAsync("/api/v1/kb/deflections", new { subject = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.PostAsJsonAsync($"/api/v1/kb/articles/{Id(vpn)}/feedback", new { helpful = true })).StatusCode);
        var vote = await (await desk.Ana.PostAsJsonAsync($"/api/v1/kb/articles/{Id(vpn)}/feedback", new { helpful = false })).JsonAsync();
        Assert.Equal(1, vote["helpfulCount"]!.GetValue<int>());
        Assert.Equal(1, vote["notHelpfulCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Anonymous.PostAsJsonAsync($"/api/v1/kb/articles/{Id(hidden)}/feedback", new { helpful = true })).StatusCode);
        var article = await desk.AgentInSupport.GetJsonAsync($"/api/v1/kb/articles/{Id(vpn)}");
        Assert.Equal(2, article["deflectionCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_every_field_and_categories_only_go_when_empty()
    {
        var desk = await Desk.BuildAsync(factory);
        var bad = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/kb/articles", new { title = "<b>x</b>", body = "<script>alert(1)</script>", language = "fr", status = "live", visibility = "secret" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["body", "categoryId", "language", "status", "title", "visibility"], (await bad.ErrorFieldsAsync()).Order());

        var category = await CategoryAsync(desk, $"Temporary {desk.Suffix}");
        var article = await ArticleAsync(desk.AgentInSupport, category, $"Temp {desk.Suffix}", "Body");
        Assert.Equal(HttpStatusCode.Conflict, (await desk.AgentInSupport.DeleteAsync($"/api/v1/kb/categories/{category}")).StatusCode);
        await desk.AgentInSupport.DeleteAsync($"/api/v1/kb/articles/{Id(article)}");
        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.DeleteAsync($"/api/v1/kb/categories/{category}")).StatusCode);
    }

    [Fact]
    public async Task A_resolved_ticket_starts_an_article_with_its_question_and_public_answer_but_never_its_notes()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Outlook asks for the password again", teamId: desk.SupportTeamId,
            description: "Every morning Outlook asks for my password.");
        await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Secret: the SSO cache was broken", visibility = "internal" });
        await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Remove the saved credential in Windows Credential Manager.", visibility = "public" });

        Assert.Equal(HttpStatusCode.Conflict, (await desk.AgentInSupport.GetAsync($"/api/v1/kb/article-drafts/from-ticket/{number}")).StatusCode);
        await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "resolved" });
        var draft = await desk.AgentInSupport.GetJsonAsync($"/api/v1/kb/article-drafts/from-ticket/{number}");
        Assert.Equal("Outlook asks for the password again", draft["title"]!.GetValue<string>());
        var body = draft["body"]!.GetValue<string>();
        Assert.Contains("Every morning Outlook asks for my password.", body);
        Assert.Contains("Credential Manager", body);
        Assert.DoesNotContain("SSO cache", body);
        Assert.Equal("pt-BR", draft["language"]!.GetValue<string>()); // Ana reads Portuguese

        // The draft is the agent's to edit; saved, the article remembers its ticket.
        var category = await CategoryAsync(desk, $"Email {desk.Suffix}");
        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/kb/articles", new { title = draft["title"]!.GetValue<string>(), body, categoryId = category, sourceTicket = number });
        Assert.Equal(number, (await response.JsonAsync())["sourceTicketId"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/kb/article-drafts/from-ticket/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync("/api/v1/kb/article-drafts/from-ticket/999999")).StatusCode);
    }

    internal static async Task<int> CategoryAsync(Desk desk, string name)
    {
        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/kb/categories", new { name, description = "About " + name });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    internal static async Task<JsonObject> ArticleAsync(HttpClient agent, int category, string title, string body,
        string language = "en", string status = "draft", string visibility = "public", int? translationOf = null)
    {
        var response = await agent.PostAsJsonAsync("/api/v1/kb/articles", new { title, body, categoryId = category, language, status, visibility, translationOf });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<IReadOnlyList<int>> SearchIdsAsync(HttpClient client, string q) =>
        (await client.GetJsonAsync($"/api/v1/kb/search?q={Uri.EscapeDataString(q)}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToList();

    private static int Id(JsonObject article) => article["id"]!.GetValue<int>();
}
