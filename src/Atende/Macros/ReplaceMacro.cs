using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Macros;

/// <summary>Replaces what a macro does (PUT): shared macros by admins, personal ones by their owner. Sharing does not change.</summary>
public sealed class ReplaceMacro(AtendeDb db, TimeProvider clock)
{
    public async Task<MacroView> HandleAsync(int id, MacroRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var macro = await db.Macros.VisibleTo(caller).FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Macro {id}");
        macro.RequireChangeableBy(caller);
        var definition = await MacroInput.ValidateAsync(request, db, ct);
        macro.Define(definition!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return MacroView.Of(macro, caller);
    }
}
