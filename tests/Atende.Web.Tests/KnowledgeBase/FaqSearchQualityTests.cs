using Atende.Persistence;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Atende.Web.Tests.KnowledgeBase;

/// <summary>
/// Search quality, measured: the 17 entries of the MimeKit FAQ (MimeKit/FAQ.md, MIT, see MimeKit/SOURCE.md) become
/// articles and each question is asked through the suggestions endpoint. The article that answers it should come
/// first. Reported as MRR@3 (mean of 1/rank when the answer is in the top 3, else 0).
/// </summary>
public sealed class FaqSearchQualityTests(AtendeFactory factory, ITestOutputHelper output) : IClassFixture<AtendeFactory>
{
    private sealed record FaqEntry(string Id, string Section, string Question, string AnswerMarkdown);

    [Fact]
    public async Task Each_FAQ_question_finds_its_own_answer_first_when_only_the_answers_are_indexed()
    {
        var desk = await Desk.BuildAsync(factory);
        var entries = ReadEntries();
        var category = await KnowledgeBaseApiTests.CategoryAsync(desk, "MimeKit FAQ");
        var articleOf = new Dictionary<string, int>();
        var n = 0;
        foreach (var entry in entries)
        {
            // The question is NOT the title: a neutral title keeps the test from matching the query against itself.
            var article = await KnowledgeBaseApiTests.ArticleAsync(desk.AgentInSupport, category, $"MimeKit FAQ entry {++n}", entry.AnswerMarkdown, status: "published");
            articleOf[entry.Id] = article["id"]!.GetValue<int>();
        }

        var reciprocalRanks = new List<double>();
        foreach (var entry in entries)
        {
            var suggestions = await desk.Anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/kb/suggestions?subject={Uri.EscapeDataString(entry.Question)}");
            var ids = suggestions!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToList();
            var rank = ids.IndexOf(articleOf[entry.Id]) + 1;
            var rr = rank is >= 1 and <= 3 ? 1.0 / rank : 0;
            reciprocalRanks.Add(rr);
            output.WriteLine($"{(rank == 0 ? "-" : rank.ToString(System.Globalization.CultureInfo.InvariantCulture)),2}  {entry.Id}: {entry.Question}");
        }
        var mrr = reciprocalRanks.Average();
        output.WriteLine($"MRR@3 over {entries.Count} MimeKit FAQ questions (answers indexed, neutral titles): {mrr:0.000}");
        Console.WriteLine($"MRR@3 (MimeKit FAQ, answers only, {TestEnvironment.Provider}): {mrr:0.000}");
        // The floor is what each engine reaches today (SQLite bm25 0.755, PostgreSQL ts_rank 0.667), so a change that
        // makes either worse fails; raising PostgreSQL to SQLite's level is open work, not hidden here.
        var floor = TestEnvironment.Provider == DatabaseProvider.Postgres ? 0.66 : 0.75;
        Assert.True(mrr >= floor, $"MRR@3 fell to {mrr:0.000} (floor {floor:0.00} on {TestEnvironment.Provider})");
    }

    private static List<FaqEntry> ReadEntries()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "KnowledgeBase", "MimeKitFaq", "faq_entries.derived.jsonl");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<FaqEntry>(l, options)!).ToList();
    }
}
