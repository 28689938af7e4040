using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Views;

/// <summary>Deletes a saved view (its owner or an admin); tickets are untouched.</summary>
public sealed class DeleteSavedView(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        var view = await db.SavedViews.VisibleTo(caller).FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new NotFoundException($"View {id}");
        if (!SavedViewAccess.CanEdit(view.OwnerAgentId, caller))
        {
            throw new ForbiddenException("Only the owner of a shared view or an administrator can delete it.");
        }
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
    }
}
