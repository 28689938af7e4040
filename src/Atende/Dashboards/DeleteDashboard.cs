using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Dashboards;

/// <summary>DELETE /dashboards/{id}: by those who may edit it; its widgets go with it.</summary>
public sealed class DeleteDashboard(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        var (dashboard, _) = await UpdateDashboard.EditableAsync(db, id, caller, ct);
        db.Dashboards.Remove(dashboard);
        await db.SaveChangesAsync(ct);
    }
}
