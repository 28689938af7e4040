namespace Atende.Search;

/// <summary>The seam between the two databases' full-text engines. Both answer the same question.</summary>
public interface ISearchEngine
{
    /// <summary>Documents containing a word starting with <paramref name="term"/> (a folded term from <see cref="SearchText.Terms(string)"/>).</summary>
    IQueryable<SearchDocument> Matching(string term);

    /// <summary>
    /// Article documents containing a word starting with any of <paramref name="terms"/>, with a relevance score
    /// (higher is better): more matched terms, rarer terms and matches in the title count more.
    /// </summary>
    IQueryable<RankedArticle> RankArticles(IReadOnlyList<string> terms);
}

/// <summary>One ranked hit of <see cref="ISearchEngine.RankArticles"/>.</summary>
public sealed record RankedArticle(int ArticleId, Tickets.Visibility Visibility, double Score);
