using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

public sealed record ArticleFeedbackRequest(bool? Helpful);

public sealed record ArticleFeedback(int Id, int HelpfulCount, int NotHelpfulCount);

/// <summary>POST /api/v1/kb/articles/{id}/feedback: "was this helpful? yes / no" from anyone who may read the article.</summary>
public sealed class GiveArticleFeedback(AtendeDb db, TimeProvider clock)
{
    public async Task<ArticleFeedback> HandleAsync(int id, ArticleFeedbackRequest request, Caller caller, CancellationToken ct)
    {
        if (request.Helpful is not { } helpful)
        {
            throw InvalidRequestException.For("helpful", "is required (true or false).");
        }
        var readable = db.KnowledgeArticles.PublishedFor(caller).Where(a => a.Id == id);
        var now = clock.GetUtcNow().UtcDateTime;
        // The lifetime counter and the hour's (reports) commit together.
        var changed = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = helpful
                ? await readable.ExecuteUpdateAsync(u => u.SetProperty(a => a.HelpfulCount, a => a.HelpfulCount + 1), ct)
                : await readable.ExecuteUpdateAsync(u => u.SetProperty(a => a.NotHelpfulCount, a => a.NotHelpfulCount + 1), ct);
            if (rows > 0)
            {
                await KnowledgeArticleHour.CountAsync(db, id, now, views: 0, helpful: helpful ? 1 : 0, notHelpful: helpful ? 0 : 1, ct);
            }
            await transaction.CommitAsync(ct);
            return rows;
        });
        if (changed == 0)
        {
            throw new NotFoundException($"Article {id}");
        }
        return await db.KnowledgeArticles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ArticleFeedback(a.Id, a.HelpfulCount, a.NotHelpfulCount)).FirstAsync(ct);
    }
}
