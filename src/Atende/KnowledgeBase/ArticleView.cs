namespace Atende.KnowledgeBase;

/// <summary>An article as the API and the editor show it. <c>url</c> is its help-center page.</summary>
public sealed record ArticleView(
    int Id,
    string Title,
    string Slug,
    string Body,
    int CategoryId,
    string Language,
    int? TranslationOf,
    ArticleStatus Status,
    ArticleVisibility Visibility,
    string Url,
    int ViewCount,
    int HelpfulCount,
    int NotHelpfulCount,
    int DeflectionCount,
    int? SourceTicketId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? PublishedAt,
    IReadOnlyList<ArticleLink> Translations)
{
    internal static ArticleView Of(KnowledgeArticle a, IReadOnlyList<ArticleLink> translations) => new(
        a.Id, a.Title, a.Slug, a.Body, a.CategoryId, a.Language, a.TranslationOfId, a.Status, a.Visibility, ArticleUrl.Of(a.Id, a.Slug),
        a.ViewCount, a.HelpfulCount, a.NotHelpfulCount, a.DeflectionCount, a.SourceTicketId, a.CreatedAt, a.UpdatedAt, a.PublishedAt, translations);
}

/// <summary>A short reference to an article: in lists, translations and related articles.</summary>
public sealed record ArticleLink(int Id, string Title, string Language, string Url, ArticleStatus Status, ArticleVisibility Visibility, int CategoryId, DateTime UpdatedAt);

public static class ArticleUrl
{
    public static string Of(int id, string slug) => $"/help/articles/{id}-{slug}";

    public static string OfCategory(int id, string slug) => $"/help/categories/{id}-{slug}";
}

/// <summary>A category in one language: <c>name</c> and <c>description</c> are the reader's, the others as stored.</summary>
public sealed record CategoryView(int Id, string Name, string Slug, string? Description, string? PortugueseName, string? PortugueseDescription,
    int? ParentId, int Position, string Url, int ArticleCount)
{
    internal static CategoryView Of(KnowledgeCategory c, string? language, int articleCount) => new(
        c.Id, c.NameIn(language), c.Slug, c.DescriptionIn(language), c.PortugueseName, c.PortugueseDescription, c.ParentId, c.Position,
        ArticleUrl.OfCategory(c.Id, c.Slug), articleCount);
}
