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
            var link = Atende.Email.PublicAddress.Of(configuration) + linkPath;
            return new AccountMailText(
                string.Format(CultureInfo.CurrentCulture, text[$"Mail.{kind}.Subject"], brandName),
                string.Format(CultureInfo.CurrentCulture, text[$"Mail.{kind}.Body"], recipientName, brandName, link));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
