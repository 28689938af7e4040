using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Replies;

/// <summary>Reads one canned response the caller may use (shared, or their own).</summary>
public sealed class GetCannedResponse(AtendeDb db)
{
    public async Task<CannedResponseView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return await CannedResponseView.Project(db.CannedResponses.AsNoTracking().VisibleTo(caller).Where(r => r.Id == id), caller)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Canned response {id}");
    }
}
