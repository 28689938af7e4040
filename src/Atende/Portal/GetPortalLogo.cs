using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Portal;

public sealed record PortalLogo(byte[] Content, string ContentType, int Version);

/// <summary>The portal's logo image, public like the rest of the branding; null when none was uploaded.</summary>
public sealed class GetPortalLogo(AtendeDb db)
{
    public async Task<PortalLogo?> HandleAsync(CancellationToken ct) =>
        await db.PortalSettings.AsNoTracking()
            .Where(s => s.Logo != null)
            .Select(s => new PortalLogo(s.Logo!, s.LogoContentType!, s.LogoVersion))
            .FirstOrDefaultAsync(ct);
}
