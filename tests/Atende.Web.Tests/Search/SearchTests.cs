using System.Net.Http.Json;

namespace Atende.Web.Tests.Search;

public sealed class SearchTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Portuguese_words_are_found_with_or_without_accents_in_subjects_messages_and_fields()
    {
        var desk = await Desk.BuildAsync(factory);
        var s = desk.Suffix;
        var bySubject = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Configuração {s} da impressora");
        var byMessage = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Outro {s}", description: "A conexão não funciona depois da atualização");
        var unrelated = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Printer {s} jammed");

        Assert.Equal([bySubject], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=configuracao {s}")).Numbers());
        Assert.Equal([bySubject], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=CONFIGURAÇÃO {s}")).Numbers());
        Assert.Equal([byMessage], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=conexao nao {s}")).Numbers());
        // Prefixes match, so "impress" finds "impressora"; every word must match somewhere in the ticket.
        Assert.Equal([bySubject], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=impress {s}")).Numbers());
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=impressora {s} zzzunknown")).Numbers());
        Assert.Contains(unrelated, (await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=jammed")).Numbers());

        await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{unrelated}/messages", new { body = $"Trocamos o rolo de alimentação {s}x" });
        Assert.Equal([unrelated], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=alimentacao {s}x")).Numbers());
    }

    [Fact]
    public async Task Search_syntax_in_the_query_is_just_text()
    {
        var desk = await Desk.BuildAsync(factory);
        foreach (var q in new[] { "\"", "*", "a OR b", "x:*", "!(&|)", "NEAR(a b)", "'; DROP TABLE \"Tickets\"; --" })
        {
            var response = await desk.Admin.GetAsync($"/api/v1/tickets?q={Uri.EscapeDataString(q)}");
            Assert.True(response.IsSuccessStatusCode, $"{q}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Renaming_a_ticket_updates_what_finds_it()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Old{desk.Suffix} title");
        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { subject = $"New{desk.Suffix} title" });
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=old{desk.Suffix}")).Numbers());
        Assert.Equal([number], (await desk.Admin.GetJsonAsync($"/api/v1/tickets?q=new{desk.Suffix}")).Numbers());
    }
}

public sealed class SearchEverythingTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Agents_find_tickets_and_customers_customers_find_only_their_tickets()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Souza {desk.Suffix} cannot print");

        var forAgent = await desk.Admin.GetJsonAsync($"/api/v1/search?q=souza {desk.Suffix}");
        Assert.Contains(forAgent["tickets"]!.AsArray(), t => t!["number"]!.GetValue<int>() == number);
        var byName = await desk.Admin.GetJsonAsync($"/api/v1/search?q=souza");
        Assert.Contains(byName["customers"]!.AsArray(), c => c!["email"]!.GetValue<string>() == desk.AnaEmail);

        var forAna = await desk.Ana.GetJsonAsync($"/api/v1/search?q=souza {desk.Suffix}");
        Assert.Contains(forAna["tickets"]!.AsArray(), t => t!["number"]!.GetValue<int>() == number);
        Assert.Empty(forAna["customers"]!.AsArray());
        var forCarla = await desk.Carla.GetJsonAsync($"/api/v1/search?q=souza {desk.Suffix}");
        Assert.Empty(forCarla["tickets"]!.AsArray());

        Assert.Contains("q", await (await desk.Admin.GetAsync("/api/v1/search")).ErrorFieldsAsync());
    }
}
