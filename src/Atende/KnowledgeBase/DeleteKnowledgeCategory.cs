using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>DELETE /api/v1/kb/categories/{id}: only an empty category goes, so no article is ever left without a shelf.</summary>
public sealed class DeleteKnowledgeCategory(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var category = await db.KnowledgeCategories.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Category {id}");
        if (await db.KnowledgeArticles.AnyAsync(a => a.CategoryId == id, ct) || await db.KnowledgeCategories.AnyAsync(c => c.ParentId == id, ct))
        {
            throw new BusinessRuleException("Move or delete the category's articles and subcategories first.");
        }
        db.KnowledgeCategories.Remove(category);
        await db.SaveChangesAsync(ct);
    }
}
