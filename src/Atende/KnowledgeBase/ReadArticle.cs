using Atende.Accounts;
using Atende.Persistence;
using Atende.Search;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>An article as its help-center page shows it: the safe HTML of its body, its category, translations and related articles.</summary>
/// <summary><paramref name="CountView"/> is false when the page is shown again after a vote; <paramref name="Language"/> is the reader's.</summary>
public sealed record ReadArticleRequest(int Id, bool CountView = true, string? Language = null);

public sealed record ArticlePage(ArticleView Article, string BodyHtml, CategoryView Category, IReadOnlyList<ArticleHit> Related);

/// <summary>
/// The help center's article page: a published article (internal ones for agents only), counted as one view.
/// Related articles are the best matches for its title in other translation groups.
/// </summary>
public sealed class ReadArticle(AtendeDb db, ISearchEngine engine, TimeProvider clock)
{
    public const int RelatedCount = 5;

    public async Task<ArticlePage> HandleAsync(ReadArticleRequest request, Caller caller, CancellationToken ct)
    {
        var id = request.Id;
        var article = await db.KnowledgeArticles.AsNoTracking().PublishedFor(caller).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException($"Article {id}");
        // One statement each, no read-modify-write: concurrent readers never lose a count. The lifetime counter and
        // the hour's (reports) commit together.
        if (request.CountView)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.KnowledgeArticles.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ViewCount, a => a.ViewCount + 1), ct);
                await KnowledgeArticleHour.CountAsync(db, id, now, views: 1, helpful: 0, notHelpful: 0, ct);
                await transaction.CommitAsync(ct);
            });
        }

        var category = await db.KnowledgeCategories.AsNoTracking().FirstAsync(c => c.Id == article.CategoryId, ct);
        var translations = (await GetArticle.TranslationsAsync(db, article, caller, ct)).Where(t => t.Status == ArticleStatus.Published).ToList();
        var related = await ArticleRanking.RankAsync(db, engine, ArticleQuery.Terms(article.Title), caller, article.Language, RelatedCount, article.GroupId, ct);
        return new ArticlePage(
            ArticleView.Of(article, translations) with { ViewCount = article.ViewCount + (request.CountView ? 1 : 0) },
            Content.MarkdownBody.ToHtml(article.Body),
            CategoryView.Of(category, request.Language, 0),
            related);
    }
}
