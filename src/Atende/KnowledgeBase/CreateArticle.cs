using Atende.Accounts;
using Atende.Persistence;

namespace Atende.KnowledgeBase;

public sealed record CreateArticleRequest(
    string? Title,
    string? Body,
    int? CategoryId,
    string? Language = null,
    string? Status = null,
    string? Visibility = null,
    int? TranslationOf = null,
    int? SourceTicket = null);

/// <summary>POST /api/v1/kb/articles: an agent writes an article (a draft unless published at once).</summary>
public sealed class CreateArticle(AtendeDb db, TimeProvider clock)
{
    public async Task<ArticleView> HandleAsync(CreateArticleRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var title = errors.Text("title", request.Title, KnowledgeArticle.TitleMaxLength, required: true);
        var body = ArticleInput.Body(request.Body, errors, required: true);
        if (request.CategoryId is null)
        {
            errors.Add("categoryId", "is required.");
        }
        var language = ArticleInput.Language(request.Language, errors) ?? KnowledgeLanguage.English;
        var status = ArticleInput.Status(request.Status, errors) ?? ArticleStatus.Draft;
        var visibility = ArticleInput.Visibility(request.Visibility, errors) ?? ArticleVisibility.Public;
        errors.ThrowIfAny();
        await KnowledgeCategoryRules.RequireCategoryAsync(db, request.CategoryId!.Value, ct);
        var translationOf = await ArticleInput.TranslationOfAsync(db, request.TranslationOf, language, null, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var article = new KnowledgeArticle(title!, body!, request.CategoryId.Value, language, translationOf, caller.AgentId, request.SourceTicket, now);
        article.ShowTo(visibility, now);
        if (status == ArticleStatus.Published)
        {
            article.Publish(now);
        }

        // The search document needs the article's id: both saves commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.KnowledgeArticles.Add(article);
        await db.SaveChangesAsync(ct);
        await ArticleIndex.RefreshAsync(db, article, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetArticle.ViewAsync(db, article, ct);
    }
}
