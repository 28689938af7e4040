using System.Text;
using Atende.Persistence;
using Atende.Search;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>
/// Keeps an article's search document in step with the article: a published article has one (title and plain
/// body, folded), a draft has none, so neither engine can ever find a draft.
/// </summary>
internal static class ArticleIndex
{
    public static async Task RefreshAsync(AtendeDb db, KnowledgeArticle article, CancellationToken ct)
    {
        var document = await db.SearchDocuments.FirstOrDefaultAsync(d => d.Kind == SearchDocumentKind.Article && d.KnowledgeArticleId == article.Id, ct);
        if (article.Status != ArticleStatus.Published)
        {
            if (document is not null)
            {
                db.SearchDocuments.Remove(document);
            }
            return;
        }
        document ??= db.SearchDocuments.Add(new SearchDocument { Kind = SearchDocumentKind.Article, KnowledgeArticleId = article.Id }).Entity;
        document.Title = Words(article.Title);
        document.Text = Words(ArticleSnippet.PlainText(article.Body));
        document.Visibility = article.Visibility == ArticleVisibility.Public ? Visibility.Public : Visibility.Internal;
    }

    public static async Task RemoveAsync(AtendeDb db, int articleId, CancellationToken ct) =>
        db.SearchDocuments.RemoveRange(await db.SearchDocuments
            .Where(d => d.Kind == SearchDocumentKind.Article && d.KnowledgeArticleId == articleId).ToListAsync(ct));

    /// <summary>
    /// Folded words separated by spaces: "MimeMessage.Load(stream)" becomes "mimemessage load stream", so both
    /// engines see the same words (PostgreSQL's parser would otherwise keep "mimemessage.load" as one host-like token).
    /// </summary>
    internal static string Words(string text)
    {
        var folded = SearchText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var keep = char.IsLetterOrDigit(c);
            if (keep || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(keep ? c : ' ');
            }
        }
        return builder.ToString().TrimEnd();
    }
}
