using System.Text.Json;
using System.Globalization;
using System.Text;

namespace Atende.Search;

/// <summary>Folds text the same way for documents and queries: lower case, no accents, words only.</summary>
public static class SearchText
{
    public const int MaxTerms = 8;

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a query, folded. Only letters and digits survive, so no engine syntax can be injected.</summary>
    public static IReadOnlyList<string> Terms(string query)
    {
        var folded = Fold(query);
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in folded.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                var term = word.ToString();
                if (term.Length > 64)
                {
                    term = term[..64];
                }
                if (!terms.Contains(term))
                {
                    terms.Add(term);
                }
                word.Clear();
            }
        }
        return terms.Take(MaxTerms).ToList();
    }

    /// <summary>What a ticket's own document holds: its subject and the values of its custom fields.</summary>
    public static string ForTicket(string subject, string fieldsJson) => Fold(subject + " " + FieldText(fieldsJson));

    /// <summary>What a customer's document holds: name and the parts of the address (so "acme" finds ana@acme.example).</summary>
    public static string ForCustomer(string name, string email) => Fold(name + " " + email.Replace('@', ' ').Replace('.', ' '));

    /// <summary>The values of custom fields as words: field values are searchable, field keys are not.</summary>
    private static string FieldText(string fieldsJson)
    {
        using var doc = JsonDocument.Parse(fieldsJson);
        var words = new List<string>();
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            Collect(property.Value, words);
        }
        return string.Join(' ', words);

        static void Collect(JsonElement element, List<string> words)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: words.Add(element.GetString()!); break;
                case JsonValueKind.Number: words.Add(element.GetRawText()); break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, words);
                    }
                    break;
                default: break;
            }
        }
    }

}
