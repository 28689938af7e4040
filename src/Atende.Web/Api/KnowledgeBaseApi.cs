using Atende.KnowledgeBase;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>
/// /api/v1/kb — the knowledge base. Agents write categories and articles; reading, search, suggestions, votes and
/// deflections are open to anyone (without an account: published public articles only).
/// </summary>
public static class KnowledgeBaseApi
{
    public const string PublicWriteRateLimit = "kb-public-write";

    public static void MapKnowledgeBaseApi(this RouteGroupBuilder api)
    {
        var kb = api.MapGroup("/kb").WithTags("Knowledge base");
        kb.MapGet("/categories", ListCategories).AllowAnonymous().WithSummary("Categories in order, with the number of articles the caller may read");
        kb.MapPost("/categories", CreateCategory).WithSummary("Add a category (agents)");
        kb.MapPatch("/categories/{id:int}", UpdateCategory).WithSummary("Rename, describe or reorder a category (agents)");
        kb.MapDelete("/categories/{id:int}", DeleteCategory).WithSummary("Delete an empty category (agents)");

        kb.MapGet("/articles", ListArticles).AllowAnonymous().WithSummary("Articles, newest first (anonymous and customers: published public ones)");
        kb.MapGet("/articles/{id:int}", GetArticle).AllowAnonymous().WithSummary("Read an article");
        kb.MapPost("/articles", CreateArticle).WithSummary("Write an article (agents); a draft unless status is published");
        kb.MapPatch("/articles/{id:int}", UpdateArticle).WithSummary("Edit, publish or unpublish an article (agents)");
        kb.MapDelete("/articles/{id:int}", DeleteArticle).WithSummary("Delete an article (agents)");
        kb.MapPost("/articles/{id:int}/feedback", Feedback).AllowAnonymous().RequireRateLimiting(PublicWriteRateLimit)
            .WithSummary("Was this article helpful? yes or no");

        kb.MapGet("/article-drafts/from-ticket/{number:int}", DraftFromTicket)
            .WithSummary("A new article's title and body from a resolved ticket: its question and the agents' last public answer (agents)");

        kb.MapGet("/search", Search).AllowAnonymous().WithSummary("Ranked full-text search of the articles the caller may read, with highlighted snippets");
        kb.MapGet("/suggestions", Suggest).AllowAnonymous().WithSummary("Up to five articles that may answer a request being typed (subject and description)");
        kb.MapPost("/deflections", Deflect).AllowAnonymous().RequireRateLimiting(PublicWriteRateLimit)
            .WithSummary("Record a request an article solved (\"this solved my problem\")");
    }

    private static Atende.Accounts.Caller Reader(CurrentCaller caller) => caller.IsKnown ? caller.Value : KnowledgeReaders.Anonymous;

    private static async Task<Ok<IReadOnlyList<CategoryView>>> ListCategories([AsParameters] ListKnowledgeCategoriesRequest request, ListKnowledgeCategories list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, Reader(caller), ct));

    private static async Task<Created<CategoryView>> CreateCategory(CreateKnowledgeCategoryRequest request, CreateKnowledgeCategory create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/kb/categories/{view.Id}", view);
    }

    private static async Task<Ok<CategoryView>> UpdateCategory(int id, UpdateKnowledgeCategoryRequest request, UpdateKnowledgeCategory update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> DeleteCategory(int id, DeleteKnowledgeCategory delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Atende.Page<ArticleLink>>> ListArticles([AsParameters] ListArticlesRequest request, ListArticles list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, Reader(caller), ct));

    private static async Task<Ok<ArticleView>> GetArticle(int id, GetArticle get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, Reader(caller), ct));

    private static async Task<Created<ArticleView>> CreateArticle(CreateArticleRequest request, CreateArticle create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/kb/articles/{view.Id}", view);
    }

    private static async Task<Ok<ArticleView>> UpdateArticle(int id, UpdateArticleRequest request, UpdateArticle update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> DeleteArticle(int id, DeleteArticle delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ArticleFeedback>> Feedback(int id, ArticleFeedbackRequest request, GiveArticleFeedback give, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await give.HandleAsync(id, request, Reader(caller), ct));

    private static async Task<Ok<ArticleDraft>> DraftFromTicket(int number, DraftArticleFromTicket draft, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await draft.HandleAsync(number, caller.Value, ct));

    private static async Task<Ok<ArticleSearchResults>> Search([AsParameters] SearchArticlesRequest request, SearchArticles search, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await search.HandleAsync(request, Reader(caller), ct));

    private static async Task<Ok<ArticleSuggestions>> Suggest([AsParameters] SuggestArticlesRequest request, SuggestArticles suggest, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await suggest.HandleAsync(request, Reader(caller), ct));

    private static async Task<Created<DeflectionView>> Deflect(RecordDeflectionRequest request, RecordDeflection record, CurrentCaller caller, CancellationToken ct)
    {
        var view = await record.HandleAsync(request, Reader(caller), ct);
        return TypedResults.Created($"/api/v1/kb/articles/{view.ArticleId}", view);
    }
}
