using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Atende.Search;

/// <summary>PostgreSQL tsvector ('simple' configuration over folded text) with a GIN index, prefix matching.</summary>
public sealed class PostgresSearchEngine(AtendeDb db) : ISearchEngine
{
    public const string VectorColumn = "Vector";

    /// <summary>The stored vector: the title (articles only) weighted A, the text at the default weight D.</summary>
    public const string VectorSql = "setweight(to_tsvector('simple', coalesce(\"Title\", '')), 'A') || to_tsvector('simple', \"Text\")";

    public IQueryable<RankedArticle> RankArticles(IReadOnlyList<string> terms)
    {
        // OR of prefix terms; ts_rank weighs A (title) ten times D (body) and normalization 1 damps long bodies.
        var query = string.Join(" | ", terms.Select(t => t + ":*"));
        return db.Database.SqlQuery<RankedArticle>($"""
            SELECT d."KnowledgeArticleId" AS "ArticleId", d."Visibility" AS "Visibility", ts_rank(d."Vector", q, 1)::float8 AS "Score"
            FROM "SearchDocuments" AS d, to_tsquery('simple', {query}) AS q
            WHERE d."Kind" = 3 AND d."Vector" @@ q
            """);
    }

    public IQueryable<SearchDocument> Matching(string term)
    {
        var query = term + ":*";
        return db.SearchDocuments.Where(d =>
            EF.Property<NpgsqlTsVector>(d, VectorColumn).Matches(EF.Functions.ToTsQuery("simple", query)));
    }
}
