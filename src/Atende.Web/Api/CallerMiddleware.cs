using System.Globalization;
using System.Security.Claims;
using Atende.Accounts;

namespace Atende.Web.Api;

/// <summary>
/// Turns the authenticated account into a <see cref="Caller"/> (agent with teams, or customer with organization).
/// An account whose agent was deactivated is treated as signed out, whatever its token or cookie says.
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentCaller current, LoadCaller loadCaller)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated == true && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
        {
            var caller = await loadCaller.HandleAsync(accountId, context.RequestAborted);
            if (caller is null)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                current.Set(caller);
            }
        }
        await next(context);
    }
}
