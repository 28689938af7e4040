using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>DELETE /api/v1/kb/articles/{id}: the article, its search document and its deflections go; translations stay as originals.</summary>
public sealed class DeleteArticle(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"Article {id}");
        await ArticleIndex.RemoveAsync(db, id, ct);
        // The first translation becomes the group's original, so the others stay grouped with it.
        var translations = await db.KnowledgeArticles.Where(a => a.TranslationOfId == id).OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var translation in translations)
        {
            translation.ChangeLanguage(translation.Language, translation == translations[0] ? null : translations[0].Id, translation.UpdatedAt);
        }
        db.KnowledgeArticles.Remove(article);
        await db.SaveChangesAsync(ct);
    }
}
