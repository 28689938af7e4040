using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Atende.Search;

/// <summary>PostgreSQL tsvector ('simple' configuration over folded text) with a GIN index, prefix matching.</summary>
public sealed class PostgresSearchEngine(AtendeDb db) : ISearchEngine
{
    public const string VectorColumn = "Vector";

    public IQueryable<SearchDocument> Matching(string term)
    {
        var query = term + ":*";
        return db.SearchDocuments.Where(d =>
            EF.Property<NpgsqlTsVector>(d, VectorColumn).Matches(EF.Functions.ToTsQuery("simple", query)));
    }
}
