using Atende.Accounts;
using Atende.Persistence;
using Atende.Search;

namespace Atende.KnowledgeBase;

public sealed record SearchArticlesRequest(string? Q, string? Language = null, int? Limit = null);

public sealed record ArticleSearchResults(string Query, IReadOnlyList<ArticleHit> Items);

/// <summary>GET /api/v1/kb/search and the help center's search page: ranked published articles the caller may read.</summary>
public sealed class SearchArticles(AtendeDb db, ISearchEngine engine)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public async Task<ArticleSearchResults> HandleAsync(SearchArticlesRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Q))
        {
            errors.Add("q", "is required.");
        }
        else if (request.Q.Length > 500)
        {
            errors.Add("q", "must be at most 500 characters.");
        }
        var language = ArticleInput.Language(request.Language, errors);
        var limit = request.Limit ?? DefaultLimit;
        errors.Range("limit", limit, 1, MaxLimit);
        errors.ThrowIfAny();

        var terms = ArticleQuery.Terms(request.Q);
        return new ArticleSearchResults(request.Q!.Trim(), await ArticleRanking.RankAsync(db, engine, terms, caller, language, limit, null, ct));
    }
}
