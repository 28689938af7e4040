using System.Text.RegularExpressions;

namespace Atende.Portal;

/// <summary>How the customer portal behaves and looks, set by admins. One row; absent means the defaults.</summary>
public sealed partial class PortalSettings
{
    public const int SingletonId = 1;
    public const int DefaultReopenDays = 14;
    public const int MaxLogoBytes = 512 * 1024;
    public static readonly string[] LogoContentTypes = ["image/png", "image/jpeg", "image/webp", "image/svg+xml"];

    public int Id { get; private set; } = SingletonId;
    public SignUpMode SignUpMode { get; private set; } = SignUpMode.InvitationOnly;
    /// <summary>Shown in the portal's header and emails instead of "Atende".</summary>
    public string? BrandName { get; private set; }
    /// <summary>A #rrggbb colour for the portal's header and buttons.</summary>
    public string? BrandColor { get; private set; }
    public byte[]? Logo { get; private set; }
    public string? LogoContentType { get; private set; }
    /// <summary>Changes the logo's URL when it changes, so it can be cached for a long time.</summary>
    public int LogoVersion { get; private set; }
    /// <summary>How long after resolution a customer may still reopen a request (afterwards they open a new one).</summary>
    public int ReopenDays { get; private set; } = DefaultReopenDays;

    public void SetSignUpMode(SignUpMode mode) => SignUpMode = mode;

    public void Brand(string? name, string? color)
    {
        var trimmedName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (trimmedName is { Length: > 80 })
        {
            throw InvalidRequestException.For("brandName", "must be at most 80 characters.");
        }
        if (trimmedName is not null && ValidationErrors.LooksLikeMarkup(trimmedName))
        {
            throw InvalidRequestException.For("brandName", "must not contain HTML markup.");
        }
        var trimmedColor = string.IsNullOrWhiteSpace(color) ? null : color.Trim().ToLowerInvariant();
        // The colour is written into a style attribute: only a plain hex colour may get there.
        if (trimmedColor is not null && !ColorPattern().IsMatch(trimmedColor))
        {
            throw InvalidRequestException.For("brandColor", "must be a colour like #1f6feb.");
        }
        BrandName = trimmedName;
        BrandColor = trimmedColor;
    }

    public void SetLogo(byte[]? logo, string? contentType)
    {
        if (logo is null)
        {
            Logo = null;
            LogoContentType = null;
        }
        else
        {
            if (logo.Length == 0 || logo.Length > MaxLogoBytes)
            {
                throw InvalidRequestException.For("logo", $"must be between 1 byte and {MaxLogoBytes / 1024} KB.");
            }
            if (contentType is null || !LogoContentTypes.Contains(contentType))
            {
                throw InvalidRequestException.For("logo", "must be a PNG, JPEG, WebP or SVG image.");
            }
            Logo = logo;
            LogoContentType = contentType;
        }
        LogoVersion++;
    }

    public void SetReopenDays(int days)
    {
        if (days is < 0 or > 365)
        {
            throw InvalidRequestException.For("reopenDays", "must be between 0 and 365 days.");
        }
        ReopenDays = days;
    }

    [GeneratedRegex(@"^#[0-9a-f]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
