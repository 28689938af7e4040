using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Search;

/// <summary>SQLite FTS5 (unicode61 tokenizer, diacritics removed) over an external-content table.</summary>
public sealed class SqliteSearchEngine(AtendeDb db) : ISearchEngine
{
    /// <summary>Created by the first migration; kept in step with SearchDocuments by triggers.</summary>
    public const string CreateSql = """
        CREATE VIRTUAL TABLE "SearchIndex" USING fts5("Text", content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
          INSERT INTO "SearchIndex"(rowid, "Text") VALUES (new."Id", new."Text");
        END;
        CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
          INSERT INTO "SearchIndex"("SearchIndex", rowid, "Text") VALUES ('delete', old."Id", old."Text");
        END;
        CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
          INSERT INTO "SearchIndex"("SearchIndex", rowid, "Text") VALUES ('delete', old."Id", old."Text");
          INSERT INTO "SearchIndex"(rowid, "Text") VALUES (new."Id", new."Text");
        END;
        """;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS "SearchDocuments_au";
        DROP TRIGGER IF EXISTS "SearchDocuments_ad";
        DROP TRIGGER IF EXISTS "SearchDocuments_ai";
        DROP TABLE IF EXISTS "SearchIndex";
        """;

    public IQueryable<SearchDocument> Matching(string term)
    {
        // A quoted prefix query: the term is letters and digits only, and it is passed as a parameter.
        var expression = $"\"{term}\"*";
        return db.SearchDocuments.FromSql(
            $"""SELECT * FROM "SearchDocuments" WHERE "Id" IN (SELECT rowid FROM "SearchIndex" WHERE "SearchIndex" MATCH {expression})""");
    }
}
