using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Macros;

public sealed class GetMacro(AtendeDb db)
{
    public async Task<MacroView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var macro = await db.Macros.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Macro {id}");
        return MacroView.Of(macro, caller);
    }
}
