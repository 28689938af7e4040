using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Views;

/// <summary>PATCH: only the properties present change; teamId null makes the view personal again.</summary>
public sealed record UpdateSavedViewRequest
{
    public Optional<string> Name { get; init; }
    public Optional<ViewFilter> Filter { get; init; }
    public Optional<string> Sort { get; init; }
    public Optional<int?> TeamId { get; init; }
}

/// <summary>Changes a saved view. Only its owner or an admin may; the team it is shared with reads it only (403).</summary>
public sealed class UpdateSavedView(AtendeDb db, ListTickets listTickets, TimeProvider clock)
{
    public async Task HandleAsync(int id, UpdateSavedViewRequest request, Caller caller, CancellationToken ct)
    {
        var view = await db.SavedViews.VisibleTo(caller).FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new NotFoundException($"View {id}");
        if (!SavedViewAccess.CanEdit(view.OwnerAgentId, caller))
        {
            throw new ForbiddenException("Only the owner of a shared view or an administrator can change it.");
        }

        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, SavedView.NameMaxLength, required: true) : null;
        var filter = request.Filter.IsSet ? request.Filter.Value ?? new ViewFilter() : view.Filter;
        var sort = request.Sort.IsSet ? request.Sort.Value ?? "-updatedAt" : view.Sort;
        var teamId = request.TeamId.IsSet ? request.TeamId.Value : view.TeamId;
        // An unchanged team is not re-checked: an admin's edit keeps a view shared with a team the admin is not in.
        await CreateSavedView.CheckAsync(db, listTickets, filter, sort, teamId == view.TeamId ? null : teamId, caller, errors, ct);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        if (name is not null)
        {
            view.Rename(name, now);
        }
        if (request.Filter.IsSet)
        {
            view.ChangeFilter(filter, now);
        }
        if (request.Sort.IsSet)
        {
            view.ChangeSort(sort, now);
        }
        if (request.TeamId.IsSet)
        {
            view.ShareWith(teamId, now);
        }
        await db.SaveChangesAsync(ct);
    }
}
