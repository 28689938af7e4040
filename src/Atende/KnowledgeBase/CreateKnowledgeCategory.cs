using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

public sealed record CreateKnowledgeCategoryRequest(
    string? Name, string? Description = null, int? ParentId = null, int? Position = null, string? PortugueseName = null, string? PortugueseDescription = null);

/// <summary>POST /api/v1/kb/categories: agents add a shelf to the help center (at the end unless a position is given).</summary>
public sealed class CreateKnowledgeCategory(AtendeDb db, TimeProvider clock)
{
    public async Task<CategoryView> HandleAsync(CreateKnowledgeCategoryRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, KnowledgeCategory.NameMaxLength, required: true);
        var description = errors.Text("description", request.Description, KnowledgeCategory.DescriptionMaxLength);
        var portugueseName = errors.Text("portugueseName", request.PortugueseName, KnowledgeCategory.NameMaxLength);
        var portugueseDescription = errors.Text("portugueseDescription", request.PortugueseDescription, KnowledgeCategory.DescriptionMaxLength);
        errors.ThrowIfAny();
        await KnowledgeCategoryRules.RequireParentAsync(db, request.ParentId, ct);

        var position = request.Position ?? (await db.KnowledgeCategories.Where(c => c.ParentId == request.ParentId).MaxAsync(c => (int?)c.Position, ct) ?? 0) + 1;
        var category = new KnowledgeCategory(name!, description, request.ParentId, position, clock.GetUtcNow().UtcDateTime);
        category.TranslateToPortuguese(portugueseName, portugueseDescription);
        db.KnowledgeCategories.Add(category);
        await db.SaveChangesAsync(ct);
        return CategoryView.Of(category, KnowledgeLanguage.English, 0);
    }
}

internal static class KnowledgeCategoryRules
{
    /// <summary>Categories nest one level deep: a parent must exist and be a top-level category.</summary>
    public static async Task RequireParentAsync(AtendeDb db, int? parentId, CancellationToken ct)
    {
        if (parentId is not { } id)
        {
            return;
        }
        var parent = await db.KnowledgeCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw InvalidRequestException.For("parentId", "is not a category.");
        if (parent.ParentId is not null)
        {
            throw new BusinessRuleException("Categories nest one level deep: the parent must be a top-level category.");
        }
    }

    public static async Task RequireCategoryAsync(AtendeDb db, int categoryId, CancellationToken ct)
    {
        if (!await db.KnowledgeCategories.AnyAsync(c => c.Id == categoryId, ct))
        {
            throw InvalidRequestException.For("categoryId", "is not a category.");
        }
    }
}
