using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Atende.Email;

/// <summary>
/// Plain text of an HTML-only email, for the ticket's text, for reply trimming and for search: block elements
/// become line breaks, a blockquote becomes "&gt; " quoted lines (so quotes can be trimmed like plain-text ones),
/// scripts and styles are dropped.
/// </summary>
internal static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "hr", "blockquote", "section", "article", "header", "footer",
    };

    public static string ToText(string html)
    {
        using var document = Parser.ParseDocument(html);
        var text = new StringBuilder();
        Append(document.Body ?? document.DocumentElement, text);
        var lines = text.ToString().Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        // Collapse runs of empty lines the markup leaves behind.
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }
        return result.ToString().Trim('\n');
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(Whitespace(t.Data));
                    break;
                case IElement e when e.LocalName is "script" or "style" or "head" or "title":
                    break;
                case IElement e when e.LocalName == "blockquote":
                    var inner = new StringBuilder();
                    Append(e, inner);
                    text.Append('\n');
                    foreach (var line in inner.ToString().Trim('\n').Split('\n'))
                    {
                        text.Append("> ").Append(line.TrimEnd()).Append('\n');
                    }
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }
                    Append(e, text);
                    if (block && e.LocalName != "br")
                    {
                        text.Append('\n');
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static string Whitespace(string data)
    {
        var builder = new StringBuilder(data.Length);
        var space = false;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                if (!space)
                {
                    builder.Append(' ');
                }
                space = true;
            }
            else
            {
                builder.Append(c == '\u00A0' ? ' ' : c);
                space = false;
            }
        }
        return builder.ToString();
    }
}
