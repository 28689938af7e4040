using Atende.Accounts;
using Atende.Persistence;
using Atende.Search;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>One search hit: the article, its title and a snippet with the matched words marked, and the score.</summary>
public sealed record ArticleHit(
    int Id,
    string Title,
    IReadOnlyList<Highlight> TitleHighlights,
    string Url,
    string Language,
    int CategoryId,
    ArticleVisibility Visibility,
    ArticleSnippet Snippet,
    double Score);

/// <summary>
/// The ranked search every knowledge-base read shares (search page, suggestions while typing a request, related
/// articles): the engine ranks, the caller's rights filter, and one hit per translation group is kept — the reader's
/// language when that translation matched too.
/// </summary>
internal static class ArticleRanking
{
    public static async Task<IReadOnlyList<ArticleHit>> RankAsync(
        AtendeDb db, ISearchEngine engine, IReadOnlyList<string> terms, Caller caller, string? language, int limit, int? excludeGroupId, CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return [];
        }
        var staff = caller.IsStaff;
        var ranked = await engine.RankArticles(terms)
            .Where(r => staff || r.Visibility == Visibility.Public)
            .OrderByDescending(r => r.Score)
            .Take(limit * 3 + 10)
            .ToListAsync(ct);
        if (ranked.Count == 0)
        {
            return [];
        }
        var ids = ranked.Select(r => r.ArticleId).ToList();
        var articles = await db.KnowledgeArticles.AsNoTracking()
            .PublishedFor(caller)
            .Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, ct);

        var hits = new List<(KnowledgeArticle Article, double Score)>();
        foreach (var group in ranked
                     .Where(r => articles.ContainsKey(r.ArticleId))
                     .Select(r => (Article: articles[r.ArticleId], r.Score))
                     .Where(h => h.Article.GroupId != excludeGroupId)
                     .GroupBy(h => h.Article.GroupId))
        {
            var best = group.MaxBy(h => h.Score);
            var preferred = language is null ? best : group.Where(h => h.Article.Language == language).DefaultIfEmpty(best).First();
            hits.Add((preferred.Article, best.Score));
        }

        return hits
            .OrderByDescending(h => h.Score)
            .Take(limit)
            .Select(h => new ArticleHit(
                h.Article.Id,
                h.Article.Title,
                ArticleSnippet.InTitle(h.Article.Title, terms),
                ArticleUrl.Of(h.Article.Id, h.Article.Slug),
                h.Article.Language,
                h.Article.CategoryId,
                h.Article.Visibility,
                ArticleSnippet.For(ArticleSnippet.PlainText(h.Article.Body), terms),
                Math.Round(h.Score, 4)))
            .ToList();
    }
}
