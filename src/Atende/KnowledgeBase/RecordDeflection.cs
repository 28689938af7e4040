using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

public sealed record RecordDeflectionRequest(int? ArticleId, string? Subject);

public sealed record DeflectionView(long Id, int ArticleId, int DeflectionCount);

/// <summary>
/// POST /api/v1/kb/deflections: "this solved my problem" — a request the article answered, so it was never sent.
/// Anyone who may read the article may record one; the customer is remembered when signed in.
/// </summary>
public sealed class RecordDeflection(AtendeDb db, TimeProvider clock)
{
    public async Task<DeflectionView> HandleAsync(RecordDeflectionRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.ArticleId is null)
        {
            errors.Add("articleId", "is required.");
        }
        var subject = errors.Text("subject", request.Subject, KnowledgeDeflection.SubjectMaxLength);
        errors.ThrowIfAny();
        var id = request.ArticleId!.Value;
        if (!await db.KnowledgeArticles.PublishedFor(caller).AnyAsync(a => a.Id == id, ct))
        {
            throw new NotFoundException($"Article {id}");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deflection = new KnowledgeDeflection(id, subject, caller.CustomerId, clock.GetUtcNow().UtcDateTime);
        db.KnowledgeDeflections.Add(deflection);
        await db.SaveChangesAsync(ct);
        await db.KnowledgeArticles.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.DeflectionCount, a => a.DeflectionCount + 1), ct);
        await transaction.CommitAsync(ct);
        var count = await db.KnowledgeArticles.Where(a => a.Id == id).Select(a => a.DeflectionCount).FirstAsync(ct);
        return new DeflectionView(deflection.Id, id, count);
    }
}
