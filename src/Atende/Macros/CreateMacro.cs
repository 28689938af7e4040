using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Macros;

/// <summary>Adds a personal macro (any agent) or a shared one (admins).</summary>
public sealed class CreateMacro(AtendeDb db, TimeProvider clock)
{
    public async Task<MacroView> HandleAsync(MacroRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        var macro = Macro.Create(request.Shared == true, caller, now);
        var definition = await MacroInput.ValidateAsync(request, db, ct);
        macro.Define(definition!, now);
        db.Macros.Add(macro);
        await db.SaveChangesAsync(ct);
        return MacroView.Of(macro, caller);
    }
}
