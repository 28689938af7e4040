using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Portal;

public sealed record PortalSettingsView(
    SignUpMode SignUpMode, string BrandName, string? BrandColor, bool HasLogo, int LogoVersion, int ReopenDays);

/// <summary>
/// The portal's public face (name, colour, whether anyone may sign up). Anyone may read it: the portal's
/// header shows it to visitors before they sign in. The logo's bytes are read separately (see <see cref="GetPortalLogo"/>).
/// </summary>
public sealed class GetPortalSettings(AtendeDb db)
{
    public const string DefaultBrandName = "Atende";

    public async Task<PortalSettingsView> HandleAsync(CancellationToken ct)
    {
        var settings = await db.PortalSettings.AsNoTracking()
            .Select(s => new { s.SignUpMode, s.BrandName, s.BrandColor, HasLogo = s.Logo != null, s.LogoVersion, s.ReopenDays })
            .FirstOrDefaultAsync(ct);
        return settings is null
            ? new PortalSettingsView(SignUpMode.InvitationOnly, DefaultBrandName, null, false, 0, PortalSettings.DefaultReopenDays)
            : new PortalSettingsView(settings.SignUpMode, settings.BrandName ?? DefaultBrandName, settings.BrandColor, settings.HasLogo,
                settings.LogoVersion, settings.ReopenDays);
    }
}
