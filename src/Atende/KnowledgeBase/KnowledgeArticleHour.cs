using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>
/// An article's views and votes in one UTC hour, so the self-service report can count a period (the article's own
/// counters are lifetime totals). An hour, not a day, because a viewer's day starts at their midnight: hours add up
/// to the right day in every whole-hour time zone (in a half-hour zone such as India's, the hour that holds local
/// midnight falls into one of the two days).
/// </summary>
public sealed class KnowledgeArticleHour
{
    private KnowledgeArticleHour() { }

    public int ArticleId { get; private set; }
    /// <summary>The hour's start, UTC, on the hour.</summary>
    public DateTime HourStart { get; private set; }
    public int Views { get; private set; }
    public int Helpful { get; private set; }
    public int NotHelpful { get; private set; }

    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Adds to the hour's row in one statement (insert, or add on conflict), the same SQL on SQLite and PostgreSQL:
    /// concurrent readers never lose a count, as with the article's own counters.
    /// </summary>
    public static async Task CountAsync(AtendeDb db, int articleId, DateTime now, int views, int helpful, int notHelpful, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "KnowledgeArticleHours" ("ArticleId", "HourStart", "Views", "Helpful", "NotHelpful")
            VALUES ({articleId}, {HourOf(now)}, {views}, {helpful}, {notHelpful})
            ON CONFLICT ("ArticleId", "HourStart") DO UPDATE SET
                "Views" = "KnowledgeArticleHours"."Views" + excluded."Views",
                "Helpful" = "KnowledgeArticleHours"."Helpful" + excluded."Helpful",
                "NotHelpful" = "KnowledgeArticleHours"."NotHelpful" + excluded."NotHelpful"
            """, ct);
}
