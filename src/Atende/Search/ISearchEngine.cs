namespace Atende.Search;

/// <summary>The seam between the two databases' full-text engines. Both answer the same question.</summary>
public interface ISearchEngine
{
    /// <summary>Documents containing a word starting with <paramref name="term"/> (a folded term from <see cref="SearchText.Terms"/>).</summary>
    IQueryable<SearchDocument> Matching(string term);
}
