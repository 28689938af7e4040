using Atende.Search;

namespace Atende.KnowledgeBase;

/// <summary>
/// Turns what a reader typed (a search box, or a ticket's subject and description) into search terms: folded like
/// the index (<see cref="SearchText"/>), without the little words of English and Portuguese that every article
/// contains, each used as a prefix so "anex" finds "anexos" and "attach" finds "attachments" without a stemmer.
/// </summary>
public static class ArticleQuery
{
    public const int MaxTerms = 24;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "did", "do", "does", "doesn", "don", "for", "from", "get", "got", "had", "has", "have", "he",
        "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my", "no", "not", "of",
        "on", "or", "our", "out", "she", "should", "so", "some", "t", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "to", "up", "us", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "why", "will", "with", "would", "you", "your", "s", "m", "ve", "ll", "re", "d",
        // Portuguese (folded: no accents)
        "ao", "aos", "as", "com", "como", "da", "das", "de", "dela", "dele", "do", "dos", "e", "ela", "ele", "em",
        "entre", "era", "esta", "este", "eu", "foi", "ha", "isso", "isto", "ja", "la", "lhe", "mais", "mas", "me",
        "meu", "minha", "muito", "na", "nao", "nas", "nem", "no", "nos", "o", "os", "ou", "para", "pela", "pelo",
        "por", "qual", "quando", "que", "se", "sem", "ser", "seu", "sua", "tem", "um", "uma", "voce", "estou",
        "esta", "sao", "tenho", "porque", "onde",
    };

    /// <summary>The folded terms worth searching for, in the order typed, without repeats.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var all = SearchText.Terms(text, int.MaxValue);
        var meaningful = all.Where(t => !StopWords.Contains(t)).Take(MaxTerms).ToList();
        // A query made only of little words ("how do I") still searches for them rather than for nothing.
        return meaningful.Count > 0 ? meaningful : all.Take(MaxTerms).ToList();
    }
}
