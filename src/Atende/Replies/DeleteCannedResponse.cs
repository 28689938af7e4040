using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Replies;

/// <summary>Removes a canned response: shared ones by admins, personal ones by their owner. Sent replies keep their text.</summary>
public sealed class DeleteCannedResponse(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var response = await db.CannedResponses.VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"Canned response {id}");
        response.RequireChangeableBy(caller);
        db.CannedResponses.Remove(response);
        await db.SaveChangesAsync(ct);
    }
}
