using System.Globalization;
using System.Text.RegularExpressions;
using Atende.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Atende.Web.Components.Portal;

/// <summary>
/// The domain states its rules in English for API callers ("is required.", "must be at most 250 characters.");
/// a customer reads them in their own language. Unknown messages fall back to a general "not valid" rather than
/// showing English to a Portuguese reader.
/// </summary>
public static partial class CustomerErrors
{
    public static string Localize(string message, IStringLocalizer<PortalText> t)
    {
        if (TooLong().Match(message) is { Success: true } tooLong)
        {
            return t["Error.TooLong", Number(tooLong)];
        }
        if (TooManyFiles().Match(message) is { Success: true } tooMany)
        {
            return t["Error.TooManyFiles", Number(tooMany)];
        }
        var key = message switch
        {
            "is required." or "is required when an agent opens a ticket." => "Error.Required",
            _ when message.StartsWith("must be a number", StringComparison.Ordinal) => "Error.Number",
            _ when message.StartsWith("must be a date", StringComparison.Ordinal) => "Error.Date",
            _ when message.StartsWith("must be one of", StringComparison.Ordinal) => "Error.Option",
            _ when message.StartsWith("must be a list of", StringComparison.Ordinal) => "Error.Option",
            "must be true or false." => "Error.Checkbox",
            "must be an email address." => "Error.Email",
            "must not contain HTML markup." => "Error.Markup",
            _ when message.StartsWith("must not contain HTML scripts", StringComparison.Ordinal) => "Error.UnsafeHtml",
            "must not contain control characters." => "Error.Control",
            _ when message.StartsWith("files of type", StringComparison.Ordinal) => "Error.FileType",
            _ when message.StartsWith("needs a file name", StringComparison.Ordinal) => "Error.FileName",
            "is not an unused upload of yours." or "must be the id of an uploaded attachment." => "Error.Upload",
            _ => "Error.Invalid",
        };
        return t[key];
    }

    /// <summary>A file over the size limit is refused before it is stored (413 for API callers).</summary>
    public static string TooLarge(PayloadTooLargeException e, IStringLocalizer<PortalText> t) =>
        t["Error.FileTooLarge", (e.MaxBytes / (1024 * 1024)).ToString(CultureInfo.CurrentCulture)];

    private static string Number(Match match) =>
        int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.CurrentCulture);

    [GeneratedRegex(@"^must be at most (\d+) characters\.$", RegexOptions.CultureInvariant)]
    private static partial Regex TooLong();

    [GeneratedRegex(@"^must have at most (\d+) files\.$", RegexOptions.CultureInvariant)]
    private static partial Regex TooManyFiles();
}
