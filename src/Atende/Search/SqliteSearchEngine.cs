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

    /// <summary>
    /// The ranked article index: FTS5 over the title and text of article documents only (Kind 3), so bm25 can weigh
    /// the title above the body. Called by the KnowledgeBase migration (the lead regenerates migrations: keep the call).
    /// </summary>
    public const string CreateArticleIndexSql = """
        CREATE VIRTUAL TABLE "ArticleSearchIndex" USING fts5("Title", "Text", content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER "SearchDocuments_article_ai" AFTER INSERT ON "SearchDocuments" WHEN new."Kind" = 3 BEGIN
          INSERT INTO "ArticleSearchIndex"(rowid, "Title", "Text") VALUES (new."Id", new."Title", new."Text");
        END;
        CREATE TRIGGER "SearchDocuments_article_ad" AFTER DELETE ON "SearchDocuments" WHEN old."Kind" = 3 BEGIN
          INSERT INTO "ArticleSearchIndex"("ArticleSearchIndex", rowid, "Title", "Text") VALUES ('delete', old."Id", old."Title", old."Text");
        END;
        CREATE TRIGGER "SearchDocuments_article_au" AFTER UPDATE ON "SearchDocuments" WHEN old."Kind" = 3 BEGIN
          INSERT INTO "ArticleSearchIndex"("ArticleSearchIndex", rowid, "Title", "Text") VALUES ('delete', old."Id", old."Title", old."Text");
          INSERT INTO "ArticleSearchIndex"(rowid, "Title", "Text") VALUES (new."Id", new."Title", new."Text");
        END;
        """;

    public const string DropArticleIndexSql = """
        DROP TRIGGER IF EXISTS "SearchDocuments_article_au";
        DROP TRIGGER IF EXISTS "SearchDocuments_article_ad";
        DROP TRIGGER IF EXISTS "SearchDocuments_article_ai";
        DROP TABLE IF EXISTS "ArticleSearchIndex";
        """;

    public IQueryable<RankedArticle> RankArticles(IReadOnlyList<string> terms)
    {
        // bm25 column weights 4:1: a word in the title counts as much as four in the body.
        // Prefix terms joined with OR: bm25 already rewards documents matching more (and rarer) terms.
        // Terms are letters and digits only and the expression is a parameter, so no FTS syntax can be injected.
        var expression = string.Join(" OR ", terms.Select(t => $"\"{t}\"*"));
        return db.Database.SqlQuery<RankedArticle>($"""
            SELECT d."KnowledgeArticleId" AS "ArticleId", d."Visibility" AS "Visibility", -bm25("ArticleSearchIndex", 4.0, 1.0) AS "Score"
            FROM "ArticleSearchIndex" JOIN "SearchDocuments" AS d ON d."Id" = "ArticleSearchIndex".rowid
            WHERE "ArticleSearchIndex" MATCH {expression}
            """);
    }

    public IQueryable<SearchDocument> Matching(string term)
    {
        // A quoted prefix query: the term is letters and digits only, and it is passed as a parameter.
        var expression = $"\"{term}\"*";
        return db.SearchDocuments.FromSql(
            $"""SELECT * FROM "SearchDocuments" WHERE "Id" IN (SELECT rowid FROM "SearchIndex" WHERE "SearchIndex" MATCH {expression})""");
    }
}
