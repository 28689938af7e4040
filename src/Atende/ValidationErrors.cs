using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Atende;

/// <summary>Collects every problem of a request so the caller hears about all of them at once.</summary>
public sealed partial class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Plain text (names, subjects): trimmed, length-limited, and no markup, because it is shown as text everywhere.</summary>
    public string? Text(string field, string? value, int max, bool required = false)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                Add(field, "is required.");
            }
            return null;
        }
        if (trimmed.Length > max)
        {
            Add(field, $"must be at most {max} characters.");
        }
        else if (LooksLikeMarkup(trimmed))
        {
            Add(field, "must not contain HTML markup.");
        }
        else if (trimmed.Any(c => char.IsControl(c) && c is not '\t'))
        {
            Add(field, "must not contain control characters.");
        }
        return trimmed;
    }

    public string? Email(string field, string? value, bool required = false)
    {
        var text = Text(field, value, 254, required);
        if (text is null)
        {
            return null;
        }
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || !text.Contains('.', StringComparison.Ordinal))
        {
            Add(field, "must be an email address.");
            return null;
        }
        return text.ToLowerInvariant();
    }

    /// <summary>
    /// An email domain as it appears after the "@": lower-case ASCII, so "Client.Example." and "client.example" are one
    /// domain. Internationalized domains are given in their "xn--" form, which is what mail headers carry.
    /// </summary>
    public string? Domain(string field, string? value, bool required = false)
    {
        var text = Text(field, value, 253, required);
        if (text is null)
        {
            return null;
        }
        var domain = text.TrimEnd('.').ToLowerInvariant();
        if (!DomainPattern().IsMatch(domain))
        {
            Add(field, "must be a domain name such as client.example.");
            return null;
        }
        return domain;
    }

    public int? Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}.");
        }
        return value;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InvalidRequestException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    /// <summary>"a &lt; b" is text; "&lt;b&gt;", "&lt;/x", "&lt;!--" and "&lt;script" are markup.</summary>
    public static bool LooksLikeMarkup(string text) => MarkupPattern().IsMatch(text);

    [GeneratedRegex(@"<[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();

    /// <summary>Dot-separated labels of letters, digits and inner hyphens; the last one starts with a letter, so IP addresses are not domains.</summary>
    [GeneratedRegex(@"\A([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
