using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>Only the fields given change.</summary>
public sealed record UpdateArticleRequest(
    string? Title = null,
    string? Body = null,
    int? CategoryId = null,
    string? Language = null,
    string? Status = null,
    string? Visibility = null,
    int? TranslationOf = null);

/// <summary>PATCH /api/v1/kb/articles/{id}: edit, publish, unpublish, show to the public or to agents only.</summary>
public sealed class UpdateArticle(AtendeDb db, TimeProvider clock)
{
    public async Task<ArticleView> HandleAsync(int id, UpdateArticleRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"Article {id}");
        var errors = new ValidationErrors();
        var title = errors.Text("title", request.Title, KnowledgeArticle.TitleMaxLength);
        var body = request.Body is null ? null : ArticleInput.Body(request.Body, errors, required: true);
        var language = ArticleInput.Language(request.Language, errors);
        var status = ArticleInput.Status(request.Status, errors);
        var visibility = ArticleInput.Visibility(request.Visibility, errors);
        errors.ThrowIfAny();
        if (request.CategoryId is { } categoryId)
        {
            await KnowledgeCategoryRules.RequireCategoryAsync(db, categoryId, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        article.Edit(title ?? article.Title, body ?? article.Body, request.CategoryId ?? article.CategoryId, now);
        if (language is not null || request.TranslationOf is not null)
        {
            var newLanguage = language ?? article.Language;
            var translationOf = request.TranslationOf is null
                ? article.TranslationOfId
                : await ArticleInput.TranslationOfAsync(db, request.TranslationOf, newLanguage, article.Id, ct);
            article.ChangeLanguage(newLanguage, translationOf, now);
        }
        if (visibility is { } v)
        {
            article.ShowTo(v, now);
        }
        switch (status)
        {
            case ArticleStatus.Published: article.Publish(now); break;
            case ArticleStatus.Draft: article.Unpublish(now); break;
        }
        await ArticleIndex.RefreshAsync(db, article, ct);
        await db.SaveChangesAsync(ct);
        return await GetArticle.ViewAsync(db, article, ct);
    }
}
