using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Macros;

public sealed class DeleteMacro(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var macro = await db.Macros.VisibleTo(caller).FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Macro {id}");
        macro.RequireChangeableBy(caller);
        db.Macros.Remove(macro);
        await db.SaveChangesAsync(ct);
    }
}
