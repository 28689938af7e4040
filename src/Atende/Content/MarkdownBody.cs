using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Atende.Content;

/// <summary>
/// Message bodies are Markdown. Raw HTML in them is never rendered (it is shown escaped), and raw HTML that
/// would be dangerous if some other client did render it (scripts, event handlers, javascript: links) is
/// refused outright — code quoted in a code block or span is fine, that is how people report bugs.
/// </summary>
public static partial class MarkdownBody
{
    public const int MaxLength = 100_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private static readonly MarkdownPipeline ParsePipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    public static string? Validate(string field, string? body, ValidationErrors errors, bool required = true, int maxLength = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }
            return null;
        }
        if (body.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters.");
            return null;
        }
        if (ContainsUnsafeHtml(body))
        {
            errors.Add(field, "must not contain HTML scripts, frames or event handlers; quote code in a Markdown code block.");
            return null;
        }
        return body.Trim();
    }

    public static bool ContainsUnsafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, ParsePipeline);
        foreach (var node in document.Descendants())
        {
            var raw = node switch
            {
                HtmlBlock block => block.Lines.ToString(),
                HtmlInline inline => inline.Tag,
                LinkInline link => link.Url,
                AutolinkInline auto => auto.Url,
                _ => null,
            };
            if (raw is not null && UnsafePattern().IsMatch(raw))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>HTML for display. Markdig escapes raw HTML; the sanitizer is the second lock on the same door.</summary>
    public static string ToHtml(string markdown) => SafeHtml.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|object|embed|style|link|meta|base|form|svg|math)\b|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsafePattern();
}
