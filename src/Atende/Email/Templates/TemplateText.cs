using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Atende.Email.Templates;

/// <summary>A placeholder's value: its text, and optionally HTML that is already safe (a rendered reply, a link).</summary>
public sealed record TemplateValue(string Text, string? Html = null);

/// <summary>The values a template is rendered with, by placeholder name ("ticket.number").</summary>
public sealed class TemplateValues
{
    private readonly Dictionary<string, TemplateValue> values = new(StringComparer.Ordinal);

    public TemplateValues Set(string name, string? text)
    {
        values[name] = new TemplateValue(text ?? "");
        return this;
    }

    /// <summary>A value whose HTML rendering is given (it must already be sanitized).</summary>
    public TemplateValues SetHtml(string name, string text, string safeHtml)
    {
        values[name] = new TemplateValue(text, safeHtml);
        return this;
    }

    /// <summary>A link: the address as text, a clickable anchor in HTML. Empty or null leaves the value empty.</summary>
    public TemplateValues SetUrl(string name, string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return Set(name, "");
        }
        var encoded = WebUtility.HtmlEncode(url);
        values[name] = new TemplateValue(url, $"<a href=\"{encoded}\">{encoded}</a>");
        return this;
    }

    public TemplateValue? Get(string name) => values.GetValueOrDefault(name);

    public IEnumerable<string> Names => values.Keys;
}

/// <summary>A rendered mail: subject, plain text and HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>
/// The template language, kept small on purpose: <c>{{ticket.number}}</c> is replaced by a value (unknown or missing
/// names by nothing), and <c>{{#survey.url}}…{{/survey.url}}</c> is kept only when that value is not empty. In the
/// HTML rendering the template's own text and every plain value are HTML-encoded (a customer's subject
/// "&lt;b&gt;" stays text), blank lines make paragraphs and line breaks become &lt;br&gt;.
/// </summary>
public static partial class TemplateText
{
    private const string ParagraphStart = "<div style=\"margin:0 0 1em 0\">";

    /// <summary>The names a template uses (placeholders and sections), for validation.</summary>
    public static IReadOnlyList<string> NamesIn(string template) =>
        [.. Tag().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Problems with a template's syntax: sections not closed, closed without opening, or crossed.</summary>
    public static IReadOnlyList<string> Problems(string template)
    {
        var problems = new List<string>();
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(template))
        {
            var name = tag.Groups["name"].Value;
            switch (tag.Groups["kind"].Value)
            {
                case "#":
                    open.Push(name);
                    break;
                case "/":
                    if (open.Count == 0 || open.Peek() != name)
                    {
                        problems.Add($"{{{{/{name}}}}} closes a section that is not open.");
                    }
                    else
                    {
                        open.Pop();
                    }
                    break;
                default:
                    break;
            }
        }
        problems.AddRange(open.Select(name => $"{{{{#{name}}}}} is never closed with {{{{/{name}}}}}."));
        return problems;
    }

    public static string RenderText(string template, TemplateValues values)
    {
        var text = new StringBuilder();
        foreach (var (literal, name) in Flatten(template, values))
        {
            text.Append(name is null ? literal : values.Get(name)?.Text ?? "");
        }
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    /// <summary>A subject: one line, whatever the values hold.</summary>
    public static string RenderLine(string template, TemplateValues values) =>
        Whitespace().Replace(RenderText(template, values), " ").Trim();

    public static string RenderHtml(string template, TemplateValues values)
    {
        var html = new StringBuilder(ParagraphStart);
        foreach (var (literal, name) in Flatten(template, values))
        {
            if (name is null)
            {
                AppendText(html, literal);
            }
            else if (values.Get(name) is { } value)
            {
                if (value.Html is not null)
                {
                    html.Append(value.Html);
                }
                else
                {
                    AppendText(html, value.Text);
                }
            }
        }
        html.Append("</div>");
        return html.ToString().Replace(ParagraphStart + "</div>", "", StringComparison.Ordinal);
    }

    public static RenderedEmail Render(string subject, string body, TemplateValues values) =>
        new(RenderLine(subject, values), RenderText(body, values), RenderHtml(body, values));

    private static void AppendText(StringBuilder html, string text)
    {
        var paragraphs = BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        for (var i = 0; i < paragraphs.Length; i++)
        {
            if (i > 0)
            {
                html.Append("</div>").Append(ParagraphStart);
            }
            html.Append(WebUtility.HtmlEncode(paragraphs[i]).Replace("\n", "<br>\n", StringComparison.Ordinal));
        }
    }

    /// <summary>The template as literals and placeholder names, with sections already kept or dropped.</summary>
    private static List<(string Literal, string? Name)> Flatten(string template, TemplateValues values)
    {
        var parts = new List<(string, string?)>();
        var at = 0;
        // How deep we are inside a section whose value is empty: everything there is dropped.
        var skipping = 0;
        var open = new Stack<(string Name, bool Skipped)>();
        foreach (Match tag in Tag().Matches(template))
        {
            if (skipping == 0 && tag.Index > at)
            {
                parts.Add((template[at..tag.Index], null));
            }
            at = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value;
            switch (tag.Groups["kind"].Value)
            {
                case "#":
                    var skip = skipping > 0 || string.IsNullOrWhiteSpace(values.Get(name)?.Text);
                    open.Push((name, skip));
                    if (skip)
                    {
                        skipping++;
                    }
                    break;
                case "/":
                    if (open.Count > 0 && open.Peek().Name == name)
                    {
                        if (open.Pop().Skipped)
                        {
                            skipping--;
                        }
                    }
                    break;
                default:
                    if (skipping == 0)
                    {
                        parts.Add(("", name));
                    }
                    break;
            }
        }
        if (skipping == 0 && at < template.Length)
        {
            parts.Add((template[at..], null));
        }
        return parts;
    }

    [GeneratedRegex(@"\{\{\s*(?<kind>[#/]?)\s*(?<name>[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n[ \t]*\n(?:\s*\n)*", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
