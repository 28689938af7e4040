using Atende.Accounts;
using Atende.Persistence;
using Atende.Search;

namespace Atende.KnowledgeBase;

public sealed record SuggestArticlesRequest(string? Subject, string? Description, string? Language = null);

public sealed record ArticleSuggestion(int Id, string Title, string Url, string Snippet, double Score);

public sealed record ArticleSuggestions(IReadOnlyList<ArticleSuggestion> Items);

/// <summary>
/// GET /api/v1/kb/suggestions: while a customer types a request, the articles that may answer it (best first, at
/// most five). Anyone may ask; anonymous callers and customers get published public articles only.
/// </summary>
public sealed class SuggestArticles(AtendeDb db, ISearchEngine engine)
{
    public const int Limit = 5;
    public const int MaxTextLength = 4000;

    public async Task<ArticleSuggestions> HandleAsync(SuggestArticlesRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var language = ArticleInput.Language(request.Language, errors);
        errors.ThrowIfAny();

        // The subject says what the request is about; its words come first so the term cap never drops them.
        var text = Truncate(request.Subject) + " " + Truncate(request.Description);
        var terms = ArticleQuery.Terms(text);
        var hits = await ArticleRanking.RankAsync(db, engine, terms, caller, language, Limit, null, ct);
        return new ArticleSuggestions(hits.Select(h => new ArticleSuggestion(h.Id, h.Title, h.Url, h.Snippet.Text, h.Score)).ToList());
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length > MaxTextLength ? text[..MaxTextLength] : text;
}
