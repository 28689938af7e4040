using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.People;

public sealed class CustomersApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static string Url(int id) => $"/api/v1/customers/{id}";

    [Fact]
    public async Task A_customer_reads_their_own_record_without_the_teams_notes_and_nobody_elses()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        var bruno = await desk.Bruno.CustomerIdAsync();
        await desk.Admin.ChangeAsync(Url(ana), new { notes = "Prefers a phone call" });

        var own = await desk.Ana.GetJsonAsync(Url(ana));
        Assert.Equal(ana, own.Id());
        Assert.Equal(desk.AnaEmail, own["email"]!.GetValue<string>());
        Assert.Equal("Ana Souza", own["name"]!.GetValue<string>());
        Assert.Equal(desk.AcmeId, own["organizationId"]!.GetValue<int>());
        Assert.True(own["canSignIn"]!.GetValue<bool>());
        Assert.Null(own["notes"]);
        Assert.Equal("Prefers a phone call", (await desk.Admin.GetJsonAsync(Url(ana)))["notes"]!.GetValue<string>());
        Assert.Equal("Prefers a phone call", (await desk.AgentWithoutTeam.GetJsonAsync(Url(ana)))["notes"]!.GetValue<string>());

        // Another customer, even a colleague in a sharing organization, does not exist for her; nor does a missing one.
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Ana.GetAsync(Url(bruno))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Ana.GetAsync(Url(int.MaxValue))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync(Url(int.MaxValue))).StatusCode);
    }

    [Fact]
    public async Task Customers_are_forbidden_to_list_add_change_or_delete_customers_and_nothing_changes()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        var bruno = await desk.Bruno.CustomerIdAsync();
        var email = $"sneaky.{desk.Suffix}@acme.example";

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/customers")).StatusCode);
        var create = await desk.Ana.PostAsJsonAsync("/api/v1/customers", new { email, name = "Sneaky" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.NotNull(await create.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync(Url(ana), new { name = "Ana Renamed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync(Url(bruno), new { name = "Bruno Renamed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.DeleteAsync(Url(bruno))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.DeleteAsync(Url(ana))).StatusCode);

        Assert.Equal("Ana Souza", (await desk.Admin.GetJsonAsync(Url(ana)))["name"]!.GetValue<string>());
        Assert.Equal("Bruno Lima", (await desk.Admin.GetJsonAsync(Url(bruno)))["name"]!.GetValue<string>());
        Assert.False(await factory.CreateDb().Customers.AnyAsync(c => c.Email == email));
    }

    [Fact]
    public async Task Agents_add_and_change_customers_but_only_admins_delete_them()
    {
        var desk = await Desk.BuildAsync(factory);
        var created = await desk.AgentWithoutTeam.CreateAsync("/api/v1/customers", new { email = $"eva.{desk.Suffix}@solo.example", name = "Eva" });
        var id = created.Id();
        Assert.Equal("Eva Maria", (await desk.AgentWithoutTeam.ChangeAsync(Url(id), new { name = "Eva Maria" }))["name"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.GetAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync(Url(id))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_customer_endpoint()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync(Url(ana))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync("/api/v1/customers", new { email = $"x.{desk.Suffix}@a.example", name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PatchAsJsonAsync(Url(ana), new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.DeleteAsync(Url(ana))).StatusCode);
        Assert.Equal("Ana Souza", (await desk.Admin.GetJsonAsync(Url(ana)))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_customer_is_201_with_a_Location_that_reads_back_the_same_body_and_can_sign_in()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"Fabio.{desk.Suffix}@Acme.example";
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            email,
            name = "  Fábio Nunes  ",
            organizationId = desk.AcmeId,
            language = "pt-BR",
            password = Desk.Password,
            phone = "+55 11 5555-0100",
            notes = "Key account contact",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.Id();
        Assert.Equal(Url(id), response.Headers.Location!.ToString());
        Assert.Equal(email.ToLowerInvariant(), created["email"]!.GetValue<string>());
        Assert.Equal("Fábio Nunes", created["name"]!.GetValue<string>());
        Assert.Equal("+55 11 5555-0100", created["phone"]!.GetValue<string>());
        Assert.Equal("pt-BR", created["language"]!.GetValue<string>());
        Assert.Equal(desk.AcmeId, created["organizationId"]!.GetValue<int>());
        Assert.Equal($"Acme {desk.Suffix}", created["organizationName"]!.GetValue<string>());
        Assert.True(created["canSignIn"]!.GetValue<bool>());
        Assert.Equal("Key account contact", created["notes"]!.GetValue<string>());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, created["createdAt"]!.GetValue<DateTime>());

        var read = await desk.Admin.GetJsonAsync(response.Headers.Location!.ToString());
        Assert.True(JsonNode.DeepEquals(created, read), $"created {created.ToJsonString()} but read {read.ToJsonString()}");

        // The password works at once, and the customer sees their own record.
        var fabio = await desk.SignInAsync(email, Desk.Password);
        Assert.Equal(id, await fabio.CustomerIdAsync());

        // Without a password the customer exists but cannot sign in; language defaults to English.
        var quiet = await desk.Admin.CreateAsync("/api/v1/customers", new { email = $"quiet.{desk.Suffix}@solo.example", name = "Quiet" });
        Assert.False(quiet["canSignIn"]!.GetValue<bool>());
        Assert.Equal("en", quiet["language"]!.GetValue<string>());
        Assert.Null(quiet["organizationId"]);
    }

    [Fact]
    public async Task Paging_by_cursor_neither_skips_nor_repeats_customers()
    {
        var desk = await Desk.BuildAsync(factory);
        var created = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await desk.Admin.CreateAsync("/api/v1/customers", new { email = $"{desk.Suffix}-{i}@paging.example", name = $"Pager{desk.Suffix} {i}" })).Id());
        }

        var (ids, pages) = await desk.Admin.ReadAllPagesAsync($"/api/v1/customers?q=pager{desk.Suffix}", 2);
        Assert.Equal(created, ids);
        Assert.Equal(3, pages);

        var (byOne, _) = await desk.AgentInInfra.ReadAllPagesAsync($"/api/v1/customers?q=pager{desk.Suffix}", 1);
        Assert.Equal(created, byOne);
        var all = await desk.Admin.GetJsonAsync($"/api/v1/customers?q=pager{desk.Suffix}&limit=5");
        Assert.Equal(created, all.Ids());
        Assert.Null(all["nextCursor"]);
    }

    [Fact]
    public async Task Q_matches_the_start_of_words_of_the_name_or_email_and_organizationId_filters()
    {
        var desk = await Desk.BuildAsync(factory);
        var tag = "Q" + desk.Suffix;
        var byName = (await desk.Admin.CreateAsync("/api/v1/customers", new { email = $"alpha.{desk.Suffix}@q.example", name = $"{tag} Alpha" })).Id();
        var byEmail = (await desk.Admin.CreateAsync("/api/v1/customers", new { email = $"{tag.ToLowerInvariant()}.beta@q.example", name = "Beta Person" })).Id();
        var byLastName = (await desk.Admin.CreateAsync("/api/v1/customers", new { email = $"gamma.{desk.Suffix}@q.example", name = $"Gamma {tag}" })).Id();

        Assert.Equal([byName, byEmail, byLastName], (await desk.Admin.GetJsonAsync($"/api/v1/customers?q={tag}")).Ids());
        // Case and accents do not matter, on either database.
        Assert.Equal([byName, byEmail, byLastName], (await desk.Admin.GetJsonAsync($"/api/v1/customers?q={tag.ToLowerInvariant()}")).Ids());
        Assert.Equal([byName, byEmail, byLastName], (await desk.Admin.GetJsonAsync($"/api/v1/customers?q={tag.ToUpperInvariant()}")).Ids());
        var accented = (await desk.Admin.CreateAsync("/api/v1/customers", new { email = $"erica.{desk.Suffix}@q.example", name = $"Érica {desk.Suffix}" })).Id();
        Assert.Equal([accented], (await desk.Admin.GetJsonAsync($"/api/v1/customers?q=Érica {desk.Suffix}")).Ids());
        Assert.Equal([accented], (await desk.Admin.GetJsonAsync($"/api/v1/customers?q=erica {desk.Suffix}")).Ids());
        // Every word must match: the email's words count as words.
        Assert.Equal([byName], (await desk.Admin.GetJsonAsync($"/api/v1/customers?q=ALPHA.{desk.Suffix}")).Ids());
        Assert.Equal([byName], (await desk.Admin.GetJsonAsync($"/api/v1/customers?q={tag} alp")).Ids());
        // Punctuation is not a pattern: a query of only symbols matches nothing.
        Assert.Empty((await desk.Admin.GetJsonAsync("/api/v1/customers?q=%25")).Ids());
        Assert.Empty((await desk.Admin.GetJsonAsync("/api/v1/customers?q=_")).Ids());

        var acme = await desk.Admin.GetJsonAsync($"/api/v1/customers?organizationId={desk.AcmeId}");
        Assert.Equal([desk.AnaEmail, $"bruno.{desk.Suffix}@acme.example"], acme["items"]!.AsArray().Select(c => c!["email"]!.GetValue<string>()));
        Assert.Equal([await desk.Ana.CustomerIdAsync()], (await desk.Admin.GetJsonAsync($"/api/v1/customers?organizationId={desk.AcmeId}&q=ana.")).Ids());
    }

    [Fact]
    public async Task Patch_changes_each_field_on_its_own_and_the_account_follows_email_and_language()
    {
        var desk = await Desk.BuildAsync(factory);
        var oldEmail = $"gil.{desk.Suffix}@acme.example";
        var id = (await desk.Admin.CreateAsync("/api/v1/customers", new { email = oldEmail, name = "Gil", organizationId = desk.AcmeId, password = Desk.Password, phone = "111" })).Id();
        var url = Url(id);

        var renamed = await desk.AgentInSupport.ChangeAsync(url, new { name = "Gil Santos" });
        Assert.Equal("Gil Santos", renamed["name"]!.GetValue<string>());
        Assert.Equal("111", renamed["phone"]!.GetValue<string>());
        Assert.Equal(desk.AcmeId, renamed["organizationId"]!.GetValue<int>());

        Assert.Equal("222", (await desk.AgentInSupport.ChangeAsync(url, new { phone = "222" }))["phone"]!.GetValue<string>());
        Assert.Null((await desk.AgentInSupport.ChangeAsync(url, new { phone = (string?)null }))["phone"]);
        Assert.Equal("pt-BR", (await desk.AgentInSupport.ChangeAsync(url, new { language = "pt-BR" }))["language"]!.GetValue<string>());

        var moved = await desk.AgentInSupport.ChangeAsync(url, new { organizationId = desk.BetaId });
        Assert.Equal(desk.BetaId, moved["organizationId"]!.GetValue<int>());
        Assert.Equal($"Beta {desk.Suffix}", moved["organizationName"]!.GetValue<string>());
        var alone = await desk.AgentInSupport.ChangeAsync(url, new { organizationId = (int?)null });
        Assert.Null(alone["organizationId"]);
        Assert.Null(alone["organizationName"]);

        Assert.Equal("Call after 2pm", (await desk.AgentInSupport.ChangeAsync(url, new { notes = "Call after 2pm" }))["notes"]!.GetValue<string>());
        Assert.Null((await desk.AgentInSupport.ChangeAsync(url, new { notes = (string?)null }))["notes"]);

        var newEmail = $"gil.santos.{desk.Suffix}@beta.example";
        Assert.Equal(newEmail, (await desk.AgentInSupport.ChangeAsync(url, new { email = newEmail.ToUpperInvariant() }))["email"]!.GetValue<string>());

        var final = await desk.Admin.GetJsonAsync(url);
        Assert.Equal("Gil Santos", final["name"]!.GetValue<string>());
        Assert.Equal("pt-BR", final["language"]!.GetValue<string>());
        Assert.True(final["canSignIn"]!.GetValue<bool>());

        // The sign-in account moved with the email; the old address no longer signs in.
        var gil = await desk.SignInAsync(newEmail, Desk.Password);
        Assert.Equal(id, await gil.CustomerIdAsync());
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email = oldEmail, password = Desk.Password })).StatusCode);
        var account = await factory.CreateDb().Users.SingleAsync(u => u.Email == newEmail);
        Assert.Equal("pt-BR", account.Language);
    }

    [Fact]
    public async Task Deleting_a_customer_without_tickets_removes_their_sign_in_too()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"hugo.{desk.Suffix}@solo.example";
        var id = (await desk.Admin.CreateAsync("/api/v1/customers", new { email, name = "Hugo", password = Desk.Password })).Id();
        var hugo = await desk.SignInAsync(email, Desk.Password);
        Assert.True(await factory.CreateDb().SearchDocuments.AnyAsync(d => d.CustomerId == id));

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hugo.GetAsync("/api/v1/me")).StatusCode);
        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        await using (var db = factory.CreateDb())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
            Assert.False(await db.SearchDocuments.AnyAsync(d => d.CustomerId == id));
        }
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/customers?q=hugo.{desk.Suffix}")).Ids());

        // The address is free again.
        await desk.Admin.CreateAsync("/api/v1/customers", new { email, name = "Hugo Again", password = Desk.Password });
        await desk.SignInAsync(email, Desk.Password);
    }

    [Fact]
    public async Task A_customer_with_tickets_or_messages_cannot_be_deleted()
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        var bruno = await desk.Bruno.CustomerIdAsync();
        var number = await Desk.OpenOwnAsync(desk.Ana);
        // Bruno only replied on his colleague's ticket (Acme shares tickets): his words are history too.
        Assert.Equal(HttpStatusCode.Created, (await desk.Bruno.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Same here." })).StatusCode);

        var refused = await desk.Admin.DeleteAsync(Url(ana));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Ana Souza", await refused.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync(Url(bruno))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync(Url(ana))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Ana.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Bruno.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_Idempotency_Key_replays_the_first_201_and_creates_one_customer()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"ivan.{desk.Suffix}@solo.example";
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await desk.Admin.SendAsync(Post(new { email, name = "Ivan" }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstBody = await first.JsonAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = await desk.Admin.SendAsync(Post(new { email, name = "Ivan" }));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(JsonNode.DeepEquals(firstBody, await again.JsonAsync()));
        Assert.Equal(1, await factory.CreateDb().Customers.CountAsync(c => c.Email == email));

        // Without the key the same request is a new one, refused because the first one did create.
        Assert.Contains("email", await (await desk.Admin.PostAsJsonAsync("/api/v1/customers", new { email, name = "Ivan" })).ErrorFieldsAsync());

        // A failed request does not use up its key: the corrected retry creates.
        key = Guid.NewGuid().ToString();
        var otherEmail = $"joana.{desk.Suffix}@solo.example";
        Assert.Contains("name", await (await desk.Admin.SendAsync(Post(new { email = otherEmail, name = "" }))).ErrorFieldsAsync());
        var corrected = await desk.Admin.SendAsync(Post(new { email = otherEmail, name = "Joana" }));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal("Joana", (await corrected.JsonAsync())["name"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadNewCustomers => new()
    {
        { """{"name": "No Email"}""", "email" },
        { """{"email": "not an email", "name": "X"}""", "email" },
        { """{"email": "{s}@x.example"}""", "name" },
        { """{"email": "{s}@x.example", "name": "   "}""", "name" },
        { """{"email": "{s}@x.example", "name": "<b>Bold</b>"}""", "name" },
        { """{"email": "{s}@x.example", "name": "X", "language": "fr"}""", "language" },
        { """{"email": "{s}@x.example", "name": "X", "organizationId": 999999}""", "organizationId" },
        { """{"email": "{s}@x.example", "name": "X", "organizationId": "acme"}""", "organizationId" },
        { """{"email": "{s}@x.example", "name": "X", "notes": "<script>alert(1)</script>"}""", "notes" },
        { """{"email": "{s}@x.example", "name": "X", "password": "short"}""", "password" },
        { """{"email": "{s}@x.example", "name": "X", "nickname": "Xi"}""", "nickname" },
        { """{"email": "{s}@x.example", "name": 42}""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadNewCustomers))]
    public async Task A_bad_new_customer_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.Admin.PostRawAsync("/api/v1/customers", json.Replace("{s}", desk.Suffix, StringComparison.Ordinal));
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.False(await factory.CreateDb().Customers.AnyAsync(c => c.Email == $"{desk.Suffix}@x.example"));
        Assert.False(await factory.CreateDb().Users.AnyAsync(u => u.Email == $"{desk.Suffix}@x.example"));
    }

    [Fact]
    public async Task Texts_over_their_limits_are_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            email = new string('e', 250) + "@x.example",
            name = new string('n', 201),
            phone = new string('1', 51),
            notes = new string('x', 4001),
        });
        Assert.Equal(["email", "name", "notes", "phone"], (await response.ErrorFieldsAsync()).Order());
        var ana = await desk.Ana.CustomerIdAsync();
        Assert.Equal(["name", "notes"], (await (await desk.Admin.PatchAsJsonAsync(Url(ana), new { name = new string('n', 201), notes = new string('x', 4001) })).ErrorFieldsAsync()).Order());
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused_on_create_and_on_change()
    {
        var desk = await Desk.BuildAsync(factory);
        var bruno = await desk.Bruno.CustomerIdAsync();
        Assert.Contains("email", await (await desk.Admin.PostAsJsonAsync("/api/v1/customers", new { email = desk.AnaEmail, name = "Ana Two" })).ErrorFieldsAsync());
        Assert.Contains("email", await (await desk.Admin.PostAsJsonAsync("/api/v1/customers", new { email = desk.AnaEmail.ToUpperInvariant(), name = "Ana Two" })).ErrorFieldsAsync());
        // An agent's sign-in address cannot become a customer's sign-in address.
        Assert.Contains("email", await (await desk.Admin.PostAsJsonAsync("/api/v1/customers", new { email = $"sam.{desk.Suffix}@desk.example", name = "Sam", password = Desk.Password })).ErrorFieldsAsync());
        Assert.Contains("email", await (await desk.Admin.PatchAsJsonAsync(Url(bruno), new { email = desk.AnaEmail })).ErrorFieldsAsync());
        Assert.Contains("email", await (await desk.Admin.PatchAsJsonAsync(Url(bruno), new { email = $"sam.{desk.Suffix}@desk.example" })).ErrorFieldsAsync());
        Assert.Equal($"bruno.{desk.Suffix}@acme.example", (await desk.Admin.GetJsonAsync(Url(bruno)))["email"]!.GetValue<string>());
        // Keeping one's own address is not a clash.
        await desk.Admin.ChangeAsync(Url(bruno), new { email = $"bruno.{desk.Suffix}@acme.example", name = "Bruno L." });
    }

    public static TheoryData<string, string> BadChanges => new()
    {
        { """{"name": 5}""", "name" },
        { """{"name": null}""", "name" },
        { """{"name": "<i>x</i>"}""", "name" },
        { """{"email": null}""", "email" },
        { """{"email": "nope"}""", "email" },
        { """{"language": null}""", "language" },
        { """{"language": "de"}""", "language" },
        { """{"organizationId": "acme"}""", "organizationId" },
        { """{"organizationId": 999999}""", "organizationId" },
        { """{"phone": ["1"]}""", "phone" },
        { """{"nickname": "x"}""", "nickname" },
        { """{"name": "Fine",""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task A_bad_change_is_a_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        var ana = await desk.Ana.CustomerIdAsync();
        var before = await desk.Admin.GetJsonAsync(Url(ana));
        Assert.Contains(field, await (await desk.Admin.PatchRawAsync(Url(ana), json)).ErrorFieldsAsync());
        Assert.True(JsonNode.DeepEquals(before, await desk.Admin.GetJsonAsync(Url(ana))));
    }

    [Fact]
    public async Task Changing_or_deleting_a_missing_customer_is_404()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PatchAsJsonAsync(Url(int.MaxValue), new { name = "Ghost" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync(Url(int.MaxValue))).StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=eyJ4IjoxfQ", "cursor")] // valid base64url JSON, but no cursor this server issued
    [InlineData("organizationId=acme", "organizationId")]
    public async Task Bad_list_parameters_are_a_400_naming_the_parameter(string query, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Contains(field, await (await desk.Admin.GetAsync($"/api/v1/customers?{query}")).ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_cursor_from_another_list_or_a_too_long_q_is_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        var teams = await desk.Admin.GetJsonAsync("/api/v1/teams?limit=1");
        var cursor = teams["nextCursor"]!.GetValue<string>();
        Assert.Contains("cursor", await (await desk.Admin.GetAsync($"/api/v1/customers?cursor={cursor}")).ErrorFieldsAsync());
        Assert.Contains("q", await (await desk.Admin.GetAsync($"/api/v1/customers?q={new string('a', 201)}")).ErrorFieldsAsync());
    }
}
