using Atende.Accounts;

namespace Atende.KnowledgeBase;

/// <summary>Who reads which article: agents read everything, anyone else only published public articles.</summary>
public static class KnowledgeReaders
{
    /// <summary>A visitor of the public help center or the anonymous API endpoints: no account, no rights.</summary>
    public static Caller Anonymous { get; } = new(null, null, null, null, [], null, false, "Anonymous");

    public static IQueryable<KnowledgeArticle> ReadableBy(this IQueryable<KnowledgeArticle> articles, Caller caller) =>
        caller.IsStaff
            ? articles
            : articles.Where(a => a.Status == ArticleStatus.Published && a.Visibility == ArticleVisibility.Public);

    /// <summary>What the help center shows: published articles, internal ones only to agents.</summary>
    public static IQueryable<KnowledgeArticle> PublishedFor(this IQueryable<KnowledgeArticle> articles, Caller caller) =>
        caller.IsStaff
            ? articles.Where(a => a.Status == ArticleStatus.Published)
            : articles.Where(a => a.Status == ArticleStatus.Published && a.Visibility == ArticleVisibility.Public);
}
