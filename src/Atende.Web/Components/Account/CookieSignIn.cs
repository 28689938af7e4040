using Atende.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Atende.Web.Components.Account;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>The password was right; the account has two-factor on and the code is missing.</summary>
    CodeRequired,
    Wrong,
    TooManyAttempts,
}

public sealed record SignInResult(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Signing in from a server-rendered form, shared by the workspace's /account/sign-in and the portal's
/// /portal/sign-in: credentials checked by <see cref="CheckCredentials"/>, the cookie set, the language kept.
/// </summary>
public sealed class CookieSignIn(CheckCredentials check, UpdateMyPreferences preferences, LoadCaller loadCaller, IUserClaimsPrincipalFactory<UserAccount> principals)
{
    public const string LanguageChosenCookie = "atende.language-chosen";

    public async Task<SignInResult> SignInAsync(HttpContext context, string? email, string? password, string? code, bool remember)
    {
        UserAccount account;
        try
        {
            account = await check.HandleAsync(email, password, code, new ValidationErrors(), context.RequestAborted);
        }
        catch (TwoFactorCodeRequiredException)
        {
            return new SignInResult(SignInOutcome.CodeRequired);
        }
        catch (TooManyAttemptsException e)
        {
            return new SignInResult(SignInOutcome.TooManyAttempts, e.RetryAfter);
        }
        catch (Exception e) when (e is InvalidCredentialsException or InvalidRequestException)
        {
            return new SignInResult(SignInOutcome.Wrong);
        }
        await SignInAsync(context, account, remember);
        return new SignInResult(SignInOutcome.SignedIn);
    }

    /// <summary>Sets the cookie for an account whose credentials were just proven (password, or a link from its mailbox).</summary>
    public async Task SignInAsync(HttpContext context, UserAccount account, bool remember)
    {
        var principal = await principals.CreateAsync(account);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = remember });
        var language = account.Language;
        // A language picked on the sign-in page just before is the person's latest choice: keep it.
        if (context.Request.Cookies[LanguageChosenCookie] is { } chosen && UpdateMyPreferences.Languages.Contains(chosen) &&
            await loadCaller.HandleAsync(account.Id, context.RequestAborted) is { } caller)
        {
            language = (await preferences.HandleAsync(new UpdateMyPreferencesRequest(chosen, null), caller, context.RequestAborted)).Language;
            context.Response.Cookies.Delete(LanguageChosenCookie);
        }
        SetLanguageCookie(context, language);
    }

    /// <summary>Only a path on this site: a sign-in link must not become a redirect to someone else's page.</summary>
    public static string SafeReturnUrl(string? returnUrl, string fallback = "/agent") =>
        returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] != '/' && returnUrl[1] != '\\' ? returnUrl : fallback;

    public static void SetLanguageCookie(HttpContext context, string language) =>
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
}
