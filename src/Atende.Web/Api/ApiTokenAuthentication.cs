using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Atende.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Atende.Web.Api;

/// <summary>"Authorization: Bearer atd_..." — a personal access token, looked up by its hash.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticateApiToken authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var accountId = await authenticate.HandleAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (accountId is null)
        {
            return AuthenticateResult.Fail("Invalid, expired or revoked token.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId.Value.ToString(CultureInfo.InvariantCulture))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
