using System.Globalization;
using Atende.Accounts;
using Atende.KnowledgeBase;
using Atende.Web.Api;

namespace Atende.Web.Components.Help;

/// <summary>What every help-center page needs to know about its reader: who (if anyone) and which language.</summary>
internal static class HelpReader
{
    public static Caller Of(CurrentCaller current) => current.IsKnown ? current.Value : KnowledgeReaders.Anonymous;

    public static string Language => KnowledgeLanguage.Preferred(CultureInfo.CurrentUICulture.Name);

    /// <summary>
    /// Anonymous readers all get the same page for a language, so shared caches may keep it a few minutes; a signed-in
    /// reader's page names them (and agents see internal articles), so it stays private. Blazor marks every page
    /// "no-store" when it issues an antiforgery token during the render, so the decision is made as the response
    /// starts. A response that sets a cookie is never offered to shared caches.
    /// </summary>
    public static void SetCacheHeaders(HttpContext context, bool cacheable)
    {
        var anonymous = context.User.Identity?.IsAuthenticated != true;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.Vary = "Cookie, Accept-Language";
            if (cacheable && anonymous && context.Response.StatusCode == StatusCodes.Status200OK)
            {
                // Shared caches may keep it (keyed by Vary); a browser asks again each time, because its own copy would
                // survive a language switch (the language is a cookie, and browsers do not all honour Vary: Cookie).
                headers.CacheControl = headers.SetCookie.Count == 0 ? "public, max-age=0, s-maxage=300" : "private, no-cache";
                headers.Pragma = Microsoft.Extensions.Primitives.StringValues.Empty;
            }
            else if (!cacheable || !anonymous)
            {
                headers.CacheControl = "private, no-cache";
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>"12-reset-your-password" → 12; null when the address does not start with an id.</summary>
    public static int? IdOf(string? key)
    {
        if (key is null)
        {
            return null;
        }
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        var digits = dash < 0 ? key : key[..dash];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
