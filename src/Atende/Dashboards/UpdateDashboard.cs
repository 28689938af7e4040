using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Dashboards;

/// <summary>PATCH /dashboards/{id}: only the properties present change.</summary>
public sealed record UpdateDashboardRequest
{
    public Optional<string> Name { get; init; }
    public Optional<string> Sharing { get; init; }
    public Optional<int?> TeamId { get; init; }
}

/// <summary>Renames or re-shares a dashboard (see <see cref="DashboardAccess.CanEdit"/>); others get 403.</summary>
public sealed class UpdateDashboard(AtendeDb db, TimeProvider clock, GetDashboard get)
{
    public async Task<DashboardDetails> HandleAsync(int id, UpdateDashboardRequest request, Caller caller, CancellationToken ct)
    {
        var (dashboard, led) = await EditableAsync(db, id, caller, ct);
        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, Dashboard.NameMaxLength, required: true) : null;
        var sharingChanged = request.Sharing.IsSet || request.TeamId.IsSet;
        var (sharing, teamId) = sharingChanged
            ? await DashboardAccess.CheckSharingAsync(db,
                request.Sharing.IsSet ? request.Sharing.Value : dashboard.Sharing.Name(),
                request.TeamId.IsSet ? request.TeamId.Value : dashboard.TeamId, caller, led, errors, ct)
            : (dashboard.Sharing, dashboard.TeamId);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        if (name is not null)
        {
            dashboard.Rename(name, now);
        }
        if (sharingChanged)
        {
            dashboard.ShareWith(sharing, teamId, now);
        }
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), caller, ct);
    }

    /// <summary>A dashboard the caller may change, with its widgets: 404 when they cannot see it, 403 when they only read it.</summary>
    internal static async Task<(Dashboard Dashboard, IReadOnlyList<int> Led)> EditableAsync(AtendeDb db, int id, Caller caller, CancellationToken ct)
    {
        var dashboard = await GetDashboard.FindAsync(db, id.ToString(System.Globalization.CultureInfo.InvariantCulture), caller, ct);
        var led = await DashboardAccess.LedTeamsAsync(db, caller, ct);
        if (!DashboardAccess.CanEdit(dashboard, caller, led))
        {
            throw new ForbiddenException("This dashboard is shared with you read-only; copy it to change it.");
        }
        return (dashboard, led);
    }
}
