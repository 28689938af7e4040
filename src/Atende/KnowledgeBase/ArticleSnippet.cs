using System.Text;
using Atende.Search;
using Markdig;

namespace Atende.KnowledgeBase;

/// <summary>A piece of plain text with the ranges that matched the query; pages wrap those ranges in &lt;mark&gt;.</summary>
public sealed record ArticleSnippet(string Text, IReadOnlyList<Highlight> Highlights)
{
    public const int Length = 200;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>The text split into plain and highlighted parts, in order, for rendering.</summary>
    public IEnumerable<(string Text, bool Highlighted)> Parts()
    {
        var at = 0;
        foreach (var h in Highlights)
        {
            if (h.Start > at)
            {
                yield return (Text[at..h.Start], false);
            }
            yield return (Text.Substring(h.Start, h.Length), true);
            at = h.Start + h.Length;
        }
        if (at < Text.Length)
        {
            yield return (Text[at..], false);
        }
    }

    /// <summary>The article body as plain text (no Markdown marks), one line.</summary>
    public static string PlainText(string markdown)
    {
        var text = Markdown.ToPlainText(markdown, Pipeline);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(space ? ' ' : c);
            }
        }
        return builder.ToString().Trim();
    }

    /// <summary>
    /// The window of about <see cref="Length"/> characters of <paramref name="plainText"/> that holds the most query
    /// terms, with every word starting with a term highlighted. Folding keeps positions: only accents are removed.
    /// </summary>
    public static ArticleSnippet For(string plainText, IReadOnlyList<string> terms, int length = Length)
    {
        var words = Words(plainText);
        var matches = words.Where(w => terms.Any(t => w.Folded.StartsWith(t, StringComparison.Ordinal))).ToList();

        var start = 0;
        if (matches.Count > 0)
        {
            // The window starting a little before the match whose following `length` characters hold most matches.
            var best = matches.MaxBy(m => matches.Count(o => o.Start >= m.Start && o.Start + o.Length <= m.Start + length));
            start = Math.Max(0, best.Start - 30);
            var wordStart = words.FirstOrDefault(w => w.Start >= start);
            start = wordStart.Length > 0 ? wordStart.Start : start;
        }
        var end = Math.Min(plainText.Length, start + length);
        if (end < plainText.Length)
        {
            var lastWord = words.LastOrDefault(w => w.Start + w.Length <= end && w.Start > start);
            end = lastWord.Length > 0 ? lastWord.Start + lastWord.Length : end;
        }
        var prefix = start > 0 ? "…" : "";
        var suffix = end < plainText.Length ? "…" : "";
        var text = prefix + plainText[start..end] + suffix;
        var highlights = matches
            .Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => new Highlight(m.Start - start + prefix.Length, m.Length))
            .ToList();
        return new ArticleSnippet(text, highlights);
    }

    /// <summary>Highlights in a title (no window: titles are short).</summary>
    public static IReadOnlyList<Highlight> InTitle(string title, IReadOnlyList<string> terms) =>
        Words(title).Where(w => terms.Any(t => w.Folded.StartsWith(t, StringComparison.Ordinal)))
            .Select(w => new Highlight(w.Start, w.Length)).ToList();

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                i++;
            }
            var word = text[start..i];
            words.Add(new Word(start, word.Length, SearchText.Fold(word)));
        }
        return words;
    }

    private readonly record struct Word(int Start, int Length, string Folded);
}

public sealed record Highlight(int Start, int Length);
