using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary><c>Language</c>: the reader's (en or pt-BR), for the names; <c>IncludeDrafts</c>: agents count drafts too.</summary>
public sealed record ListKnowledgeCategoriesRequest(bool IncludeDrafts = false, string? Language = null);

/// <summary>
/// GET /api/v1/kb/categories and the help center home: every category in order, with the number of articles the
/// caller would see there (translations count once), named in the reader's language.
/// </summary>
public sealed class ListKnowledgeCategories(AtendeDb db)
{
    public async Task<IReadOnlyList<CategoryView>> HandleAsync(ListKnowledgeCategoriesRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var language = ArticleInput.Language(request.Language, errors);
        errors.ThrowIfAny();
        var categories = await db.KnowledgeCategories.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var articles = request.IncludeDrafts && caller.IsStaff ? db.KnowledgeArticles.ReadableBy(caller) : db.KnowledgeArticles.PublishedFor(caller);
        var counts = await articles
            .GroupBy(a => a.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Select(a => a.TranslationOfId ?? a.Id).Distinct().Count() })
            .ToDictionaryAsync(x => x.CategoryId, x => x.Count, ct);
        return categories
            .Select(c => CategoryView.Of(c, language, counts.GetValueOrDefault(c.Id)))
            .ToList();
    }
}
