using System.Globalization;
using Atende.Accounts;
using Atende.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Atende.Web.Components.Portal.Account;

/// <summary>
/// The account emails' words from <see cref="PortalAccountText"/>, in the recipient's language. Links point to
/// Atende:PublicUrl — never to the Host header of the request that caused the mail, which anyone can forge to
/// send a victim a reset link to their own site.
/// </summary>
public sealed class AccountMailWriter(IStringLocalizer<PortalAccountText> text, IConfiguration configuration) : IAccountMailText
{
    public AccountMailText Write(AccountMailKind kind, string language, string recipientName, string brandName, string linkPath)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var link = PublicUrl(configuration) + linkPath;
            return new AccountMailText(
                string.Format(CultureInfo.CurrentCulture, text[$"Mail.{kind}.Subject"], brandName),
                string.Format(CultureInfo.CurrentCulture, text[$"Mail.{kind}.Body"], recipientName, brandName, link));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Atende:PublicUrl, else the first address Kestrel was told to listen on, else the README's default.</summary>
    public static string PublicUrl(IConfiguration configuration)
    {
        var configured = configuration["Atende:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"])?.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(u => u.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal))
                .FirstOrDefault();
        }
        return (string.IsNullOrWhiteSpace(configured) ? "http://localhost:5080" : configured).TrimEnd('/');
    }
}
