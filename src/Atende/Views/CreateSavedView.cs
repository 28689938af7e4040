using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Views;

/// <summary>POST /views: a name, the ticket filter, the sort, and a team to share with (null: personal).</summary>
public sealed record CreateSavedViewRequest(string? Name, ViewFilter? Filter, string? Sort, int? TeamId);

/// <summary>Saves a filter as a named queue (agents). Sharing needs membership of the team, unless an admin shares it.</summary>
public sealed class CreateSavedView(AtendeDb db, ListTickets listTickets, TimeProvider clock, GetSavedView get)
{
    public async Task<SavedViewDetails> HandleAsync(CreateSavedViewRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var me = caller.AgentId ?? throw new ForbiddenException("Only agents can save views.");
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, SavedView.NameMaxLength, required: true);
        var filter = request.Filter ?? new ViewFilter();
        var sort = request.Sort ?? "-updatedAt";
        await CheckAsync(db, listTickets, filter, sort, request.TeamId, caller, errors, ct);
        errors.ThrowIfAny();

        if (await db.SavedViews.CountAsync(v => v.OwnerAgentId == me, ct) >= SavedView.MaxPerOwner)
        {
            throw new BusinessRuleException($"An agent can keep at most {SavedView.MaxPerOwner} saved views; delete one first.");
        }
        var view = new SavedView(name!, filter, sort, me, request.TeamId, clock.GetUtcNow().UtcDateTime);
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(view.Id, caller, ct);
    }

    /// <summary>The filter must be one GET /tickets accepts, the sort one it knows, the team one the caller belongs to.</summary>
    internal static async Task CheckAsync(AtendeDb db, ListTickets listTickets, ViewFilter filter, string sort, int? teamId,
        Caller caller, ValidationErrors errors, CancellationToken ct)
    {
        if (!ListTickets.IsSort(sort))
        {
            errors.Add("sort", "must be one of: updatedAt, createdAt, priority, dueAt, number (with '-' for descending).");
        }
        if (SavedView.Serialize(filter).Length > SavedView.FilterJsonMaxLength)
        {
            errors.Add("filter", "is too long.");
        }
        else
        {
            try
            {
                await listTickets.MatchingAsync(filter.ToRequest(null), caller, ct);
            }
            catch (InvalidRequestException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    foreach (var message in messages)
                    {
                        errors.Add("filter." + field, message);
                    }
                }
            }
        }
        if (teamId is { } team)
        {
            if (!await db.Teams.AnyAsync(t => t.Id == team, ct))
            {
                errors.Add("teamId", "is not a team.");
            }
            else if (!caller.IsAdmin && !caller.TeamIds.Contains(team))
            {
                errors.Add("teamId", "you can only share a view with a team you belong to.");
            }
        }
    }
}
