using Microsoft.AspNetCore.Authentication;
using Atende.Accounts;
using Atende.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Atende.Web.Components.Account;

/// <summary>The two account actions that are plain HTTP: they set or clear cookies, which a circuit cannot.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/sign-out", SignOutAsync);
        account.MapGet("/language", ChooseLanguageAsync).AllowAnonymous();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        // A form post with the antiforgery token: another site cannot sign people out.
        await antiforgery.ValidateRequestAsync(context);
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        // The portal's sign-out form names where to land (the portal); the workspace's does not.
        var returnUrl = context.Request.HasFormContentType ? context.Request.Form["returnUrl"].ToString() : null;
        return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) ? "/account/sign-in" : SignIn.SafeReturnUrl(returnUrl));
    }

    /// <summary>Switches the UI language (cookie), and remembers it on the account of a signed-in person.</summary>
    private static async Task<IResult> ChooseLanguageAsync(
        [FromQuery] string? language, [FromQuery] string? returnUrl, HttpContext context, CurrentCaller current, UpdateMyPreferences update)
    {
        var chosen = UpdateMyPreferences.Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? "en";
        if (current.IsKnown)
        {
            await update.HandleAsync(new UpdateMyPreferencesRequest(chosen, null), current.Value, context.RequestAborted);
        }
        else
        {
            // Chosen before signing in: the sign-in that follows saves it on the account (see SignIn).
            context.Response.Cookies.Append(SignIn.LanguageChosenCookie, chosen,
                new CookieOptions { MaxAge = TimeSpan.FromHours(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        SignIn.SetLanguageCookie(context, chosen);
        return Results.LocalRedirect(SignIn.SafeReturnUrl(returnUrl));
    }
}
