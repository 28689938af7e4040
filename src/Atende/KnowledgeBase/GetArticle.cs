using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>GET /api/v1/kb/articles/{id}: agents read any article; everyone else published public ones (else 404).</summary>
public sealed class GetArticle(AtendeDb db)
{
    public async Task<ArticleView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        var article = await db.KnowledgeArticles.AsNoTracking().ReadableBy(caller).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException($"Article {id}");
        return await ViewAsync(db, article, ct, caller);
    }

    internal static async Task<ArticleView> ViewAsync(AtendeDb db, KnowledgeArticle article, CancellationToken ct, Caller? caller = null) =>
        ArticleView.Of(article, await TranslationsAsync(db, article, caller ?? Caller.System, ct));

    /// <summary>The other articles of the article's translation group the caller may read.</summary>
    internal static async Task<IReadOnlyList<ArticleLink>> TranslationsAsync(AtendeDb db, KnowledgeArticle article, Caller caller, CancellationToken ct)
    {
        var group = article.GroupId;
        return await db.KnowledgeArticles.AsNoTracking().ReadableBy(caller)
            .Where(a => (a.Id == group || a.TranslationOfId == group) && a.Id != article.Id)
            .OrderBy(a => a.Language)
            .Select(a => new ArticleLink(a.Id, a.Title, a.Language, "/help/articles/" + a.Id + "-" + a.Slug, a.Status, a.Visibility, a.CategoryId, a.UpdatedAt))
            .ToListAsync(ct);
    }
}
