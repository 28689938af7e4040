using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Portal;

/// <summary>PATCH /portal/settings: only the fields given change. Brand name and colour are cleared with "" (back to the defaults).</summary>
public sealed record UpdatePortalSettingsRequest(SignUpMode? SignUpMode = null, string? BrandName = null, string? BrandColor = null, int? ReopenDays = null);

/// <summary>Admins set who may sign up, the portal's name and colour, and how long customers may reopen a request.</summary>
public sealed class UpdatePortalSettings(AtendeDb db, GetPortalSettings get)
{
    public async Task<PortalSettingsView> HandleAsync(UpdatePortalSettingsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        if (request.SignUpMode is { } mode && !Enum.IsDefined(mode))
        {
            throw InvalidRequestException.For("signUpMode", "must be open or invitationOnly.");
        }
        var settings = await LoadAsync(db, ct);
        if (request.SignUpMode is { } newMode)
        {
            settings.SetSignUpMode(newMode);
        }
        if (request.BrandName is not null || request.BrandColor is not null)
        {
            settings.Brand(request.BrandName ?? settings.BrandName, request.BrandColor ?? settings.BrandColor);
        }
        if (request.ReopenDays is { } days)
        {
            settings.SetReopenDays(days);
        }
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(ct);
    }

    /// <summary>The one settings row, added (not yet saved) when the portal still runs on the defaults.</summary>
    internal static async Task<PortalSettings> LoadAsync(AtendeDb db, CancellationToken ct)
    {
        var settings = await db.PortalSettings.FirstOrDefaultAsync(s => s.Id == PortalSettings.SingletonId, ct);
        if (settings is null)
        {
            settings = new PortalSettings();
            db.PortalSettings.Add(settings);
        }
        return settings;
    }
}
