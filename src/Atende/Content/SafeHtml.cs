using Ganss.Xss;

namespace Atende.Content;

/// <summary>
/// The one HTML sanitizer configuration for HTML that came from outside: rendered Markdown and the HTML bodies of
/// incoming email. One configuration, so a rule tightened for one is tightened for both.
/// </summary>
public static class SafeHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        // cid: points at an inline image carried by the same email (RFC 2392); without it every inline image of a
        // mail body would lose its src. It cannot run code or leave the message.
        sanitizer.AllowedSchemes.Add("cid");
        return sanitizer;
    }
}
