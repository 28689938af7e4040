using System.Text;
using Atende.Search;

namespace Atende.KnowledgeBase;

/// <summary>The readable part of a help-center address: "Como redefinir a senha?" → "como-redefinir-a-senha".</summary>
public static class ArticleSlug
{
    public const int MaxLength = 80;

    public static string From(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in SearchText.Fold(title))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
            if (builder.Length >= MaxLength)
            {
                break;
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "article" : slug;
    }
}
