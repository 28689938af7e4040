using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

public sealed record ListArticlesRequest
{
    public int? CategoryId { get; init; }
    /// <summary>draft or published; customers and visitors only ever get published.</summary>
    public string? Status { get; init; }
    /// <summary>Only this language (en or pt-BR).</summary>
    public string? Language { get; init; }
    /// <summary>The reader's language: one article per translation group, in this language when it exists.</summary>
    public string? Prefer { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// GET /api/v1/kb/articles, the editor's list and a help-center category page: newest changes first for agents,
/// by title for readers of one category.
/// </summary>
public sealed class ListArticles(AtendeDb db)
{
    public async Task<Page<ArticleLink>> HandleAsync(ListArticlesRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        var status = ArticleInput.Status(request.Status, errors);
        var language = ArticleInput.Language(request.Language, errors);
        var prefer = ArticleInput.Language(request.Prefer, errors);
        errors.ThrowIfAny();
        var afterId = Paging.AfterId(request.Cursor, "articles");

        var articles = db.KnowledgeArticles.AsNoTracking().ReadableBy(caller);
        if (request.CategoryId is { } categoryId)
        {
            articles = articles.Where(a => a.CategoryId == categoryId);
        }
        if (status is { } s)
        {
            articles = articles.Where(a => a.Status == s);
        }
        if (language is not null)
        {
            articles = articles.Where(a => a.Language == language);
        }
        if (prefer is not null)
        {
            // Drop an article when its group has a translation in the preferred language the caller may also read.
            var readable = db.KnowledgeArticles.ReadableBy(caller).Where(t => status == null || t.Status == status);
            articles = articles.Where(a => a.Language == prefer
                || !readable.Any(t => t.Language == prefer && t.Id != a.Id && ((a.TranslationOfId ?? a.Id) == (t.TranslationOfId ?? t.Id))));
        }
        // Id-descending keyset: newest first, stable while articles are added.
        var rows = await articles
            .Where(a => afterId == 0 || a.Id < afterId)
            .OrderByDescending(a => a.Id)
            .Take(limit + 1)
            .Select(a => new ArticleLink(a.Id, a.Title, a.Language, "/help/articles/" + a.Id + "-" + a.Slug, a.Status, a.Visibility, a.CategoryId, a.UpdatedAt))
            .ToListAsync(ct);
        return Page<ArticleLink>.FromOverfetch(rows, limit, a => new PageCursor("articles", 0, a.Id));
    }
}
