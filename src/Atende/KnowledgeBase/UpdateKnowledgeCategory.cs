using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>Only the fields given change; an empty Portuguese name or description removes it.</summary>
public sealed record UpdateKnowledgeCategoryRequest(
    string? Name = null, string? Description = null, int? Position = null, string? PortugueseName = null, string? PortugueseDescription = null);

/// <summary>PATCH /api/v1/kb/categories/{id}: rename, describe or reorder a category (agents).</summary>
public sealed class UpdateKnowledgeCategory(AtendeDb db)
{
    public async Task<CategoryView> HandleAsync(int id, UpdateKnowledgeCategoryRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var category = await db.KnowledgeCategories.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Category {id}");
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, KnowledgeCategory.NameMaxLength);
        var description = errors.Text("description", request.Description, KnowledgeCategory.DescriptionMaxLength);
        var portugueseName = errors.Text("portugueseName", request.PortugueseName, KnowledgeCategory.NameMaxLength);
        var portugueseDescription = errors.Text("portugueseDescription", request.PortugueseDescription, KnowledgeCategory.DescriptionMaxLength);
        errors.ThrowIfAny();
        category.Rename(name ?? category.Name, request.Description is null ? category.Description : description);
        category.TranslateToPortuguese(
            request.PortugueseName is null ? category.PortugueseName : portugueseName,
            request.PortugueseDescription is null ? category.PortugueseDescription : portugueseDescription);
        if (request.Position is { } position)
        {
            category.MoveTo(position);
        }
        await db.SaveChangesAsync(ct);
        var count = await db.KnowledgeArticles.CountAsync(a => a.CategoryId == id, ct);
        return CategoryView.Of(category, KnowledgeLanguage.English, count);
    }
}
