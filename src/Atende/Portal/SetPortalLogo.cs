using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Portal;

/// <summary>Admins upload (or, with no content, remove) the portal's logo, served at /portal/logo.</summary>
public sealed class SetPortalLogo(AtendeDb db, GetPortalSettings get)
{
    public async Task<PortalSettingsView> HandleAsync(byte[]? content, string? contentType, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var settings = await UpdatePortalSettings.LoadAsync(db, ct);
        settings.SetLogo(content, contentType);
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(ct);
    }
}
