namespace Atende.KnowledgeBase;

public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>Who may read a published article: anyone (the public help center) or signed-in agents only.</summary>
public enum ArticleVisibility
{
    Public = 0,
    Internal = 1,
}

/// <summary>
/// A help article in Markdown, written in one language. Translations of one article form a group: each translation
/// points at the original with <see cref="TranslationOfId"/>, so the help center can show the reader's language.
/// </summary>
public sealed class KnowledgeArticle
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = Content.MarkdownBody.MaxLength;

    private KnowledgeArticle() { }

    public KnowledgeArticle(string title, string body, int categoryId, string language, int? translationOfId, int? authorAgentId, int? sourceTicketId, DateTime now)
    {
        Title = title;
        Slug = ArticleSlug.From(title);
        Body = body;
        CategoryId = categoryId;
        Language = language;
        TranslationOfId = translationOfId;
        AuthorAgentId = authorAgentId;
        SourceTicketId = sourceTicketId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Body { get; private set; } = "";
    public int CategoryId { get; private set; }
    /// <summary>"en" or "pt-BR" (<see cref="KnowledgeLanguage"/>).</summary>
    public string Language { get; private set; } = KnowledgeLanguage.English;
    /// <summary>The original this article translates; null for an original.</summary>
    public int? TranslationOfId { get; private set; }
    public ArticleStatus Status { get; private set; }
    public ArticleVisibility Visibility { get; private set; }
    public int? AuthorAgentId { get; private set; }
    /// <summary>The resolved ticket the article was started from, if any.</summary>
    public int? SourceTicketId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public int ViewCount { get; private set; }
    public int HelpfulCount { get; private set; }
    public int NotHelpfulCount { get; private set; }
    public int DeflectionCount { get; private set; }

    /// <summary>The id shared by an original and all its translations.</summary>
    public int GroupId => TranslationOfId ?? Id;

    public bool IsReadableBy(Accounts.Caller caller) =>
        caller.IsStaff || (Status == ArticleStatus.Published && Visibility == ArticleVisibility.Public);

    public void Edit(string title, string body, int categoryId, DateTime now)
    {
        Title = title;
        Slug = ArticleSlug.From(title);
        Body = body;
        CategoryId = categoryId;
        UpdatedAt = now;
    }

    public void ChangeLanguage(string language, int? translationOfId, DateTime now)
    {
        if (translationOfId == Id && Id != 0)
        {
            throw new BusinessRuleException("An article cannot be a translation of itself.");
        }
        Language = language;
        TranslationOfId = translationOfId;
        UpdatedAt = now;
    }

    public void ShowTo(ArticleVisibility visibility, DateTime now)
    {
        Visibility = visibility;
        UpdatedAt = now;
    }

    public void Publish(DateTime now)
    {
        if (Status == ArticleStatus.Published)
        {
            return;
        }
        Status = ArticleStatus.Published;
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>Back to draft: the article leaves the help center and the search until it is published again.</summary>
    public void Unpublish(DateTime now)
    {
        Status = ArticleStatus.Draft;
        UpdatedAt = now;
    }
}
