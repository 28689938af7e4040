using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>
/// GET /api/v1/kb/categories and the help center home: every category in order, with the number of articles the
/// caller would see there (agents count drafts too when <paramref name="includeDrafts"/>; translations count once).
/// </summary>
public sealed class ListKnowledgeCategories(AtendeDb db)
{
    public async Task<IReadOnlyList<CategoryView>> HandleAsync(bool includeDrafts, Caller caller, CancellationToken ct)
    {
        var categories = await db.KnowledgeCategories.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var articles = includeDrafts && caller.IsStaff ? db.KnowledgeArticles.ReadableBy(caller) : db.KnowledgeArticles.PublishedFor(caller);
        var counts = await articles
            .GroupBy(a => a.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Select(a => a.TranslationOfId ?? a.Id).Distinct().Count() })
            .ToDictionaryAsync(x => x.CategoryId, x => x.Count, ct);
        return categories
            .Select(c => new CategoryView(c.Id, c.Name, c.Slug, c.Description, c.ParentId, c.Position, ArticleUrl.OfCategory(c.Id, c.Slug), counts.GetValueOrDefault(c.Id)))
            .ToList();
    }
}
