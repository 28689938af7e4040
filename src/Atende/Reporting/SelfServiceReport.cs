using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>self-service</c>: how the knowledge base answered requests in the period. <c>views</c>, <c>helpful</c> and
/// <c>notHelpful</c> come from the articles' hourly counters (<see cref="KnowledgeBase.KnowledgeArticleHour"/>),
/// <c>deflected</c> counts "this solved my problem" clicks, <c>portalRequests</c> the tickets opened through the
/// portal, and <c>deflectionRatePercent</c> = deflected / (deflected + portalRequests). Articles belong to no team,
/// organization or type: with such a filter the article figures (and the rate) are null rather than unfiltered
/// numbers passed off as filtered; <c>portalRequests</c> honours every filter.
/// </summary>
public sealed class SelfServiceReport : IReport
{
    public string Name => "self-service";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
        [ReportGrouping.None, ReportGrouping.Article, ReportGrouping.Day, ReportGrouping.Week, ReportGrouping.Month];

    public static readonly IReadOnlyList<string> Metrics =
        ["views", "helpful", "notHelpful", "deflected", "portalRequests", "deflectionRatePercent"];

    private sealed class Counts
    {
        public int Views;
        public int Helpful;
        public int NotHelpful;
        public int Deflected;
        public int? PortalRequests = 0;

        public Dictionary<string, object?> Values(bool articlesKnown) => new()
        {
            ["views"] = articlesKnown ? Views : null,
            ["helpful"] = articlesKnown ? Helpful : null,
            ["notHelpful"] = articlesKnown ? NotHelpful : null,
            ["deflected"] = articlesKnown ? Deflected : null,
            ["portalRequests"] = PortalRequests,
            ["deflectionRatePercent"] = articlesKnown && PortalRequests is { } requests ? Percent.Of(Deflected, Deflected + requests) : null,
        };
    }

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var articlesKnown = scope.TeamId is null && scope.OrganizationId is null && scope.RequestTypeId is null && scope.Priority is null && scope.AgentId is null;
        var byArticle = scope.GroupBy == ReportGrouping.Article;
        var hours = articlesKnown
            ? await scope.Db.KnowledgeArticleHours.AsNoTracking().Where(h => h.HourStart >= start && h.HourStart < end)
                .Select(h => new { h.ArticleId, h.HourStart, h.Views, h.Helpful, h.NotHelpful }).ToListAsync(ct)
            : [];
        var deflections = articlesKnown
            ? await scope.Db.KnowledgeDeflections.AsNoTracking().Where(d => d.CreatedAt >= start && d.CreatedAt < end)
                .Select(d => new { d.ArticleId, d.CreatedAt }).ToListAsync(ct)
            : [];
        // The (CreatedAt, Id) index serves the range; the channel is tested on those rows.
        var portal = await scope.Tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end && t.Channel == Channel.Portal)
            .Select(t => t.CreatedAt).ToListAsync(ct);

        var rows = new Dictionary<string, Counts>();
        var totals = new Counts();
        string Key(int articleId, DateTime at) => scope.GroupBy switch
        {
            ReportGrouping.Article => ReportScope.Key(articleId),
            ReportGrouping.None => "all",
            _ => scope.Period.KeyOf(at, scope.GroupBy),
        };
        // A request is no article's: by article, rows carry no portal requests (nor a rate); the totals do.
        Counts Row(string key) => rows.TryGetValue(key, out var row) ? row : rows[key] = new Counts { PortalRequests = byArticle ? null : 0 };
        foreach (var hour in hours)
        {
            foreach (var counts in new[] { Row(Key(hour.ArticleId, hour.HourStart)), totals })
            {
                counts.Views += hour.Views;
                counts.Helpful += hour.Helpful;
                counts.NotHelpful += hour.NotHelpful;
            }
        }
        foreach (var deflection in deflections)
        {
            Row(Key(deflection.ArticleId, deflection.CreatedAt)).Deflected++;
            totals.Deflected++;
        }
        foreach (var created in portal)
        {
            if (!byArticle)
            {
                var row = Row(Key(0, created));
                row.PortalRequests++;
            }
            totals.PortalRequests++;
        }
        var values = rows.ToDictionary(r => r.Key, r => r.Value.Values(articlesKnown));
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            await scope.RowsAsync(values, () => new Counts().Values(articlesKnown), "views", ct), totals.Values(articlesKnown));
    }
}
