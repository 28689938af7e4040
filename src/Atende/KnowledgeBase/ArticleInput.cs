using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>The fields create and update share, read and checked the same way.</summary>
internal static class ArticleInput
{
    public static ArticleStatus? Status(string? status, ValidationErrors errors) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "draft" => ArticleStatus.Draft,
        "published" => ArticleStatus.Published,
        _ => Invalid<ArticleStatus>("status", "must be draft or published.", errors),
    };

    public static ArticleVisibility? Visibility(string? visibility, ValidationErrors errors) => visibility?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "public" => ArticleVisibility.Public,
        "internal" => ArticleVisibility.Internal,
        _ => Invalid<ArticleVisibility>("visibility", "must be public or internal.", errors),
    };

    public static string? Language(string? language, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }
        var parsed = KnowledgeLanguage.Parse(language);
        if (parsed is null)
        {
            errors.Add("language", "must be en or pt-BR.");
        }
        return parsed;
    }

    public static string? Body(string? body, ValidationErrors errors, bool required) =>
        Content.MarkdownBody.Validate("body", body, errors, required, KnowledgeArticle.BodyMaxLength);

    /// <summary>
    /// A translation points at the group's original (a translation of a translation is filed under the original), and
    /// a group holds at most one article per language.
    /// </summary>
    public static async Task<int?> TranslationOfAsync(AtendeDb db, int? translationOf, string language, int? selfId, CancellationToken ct)
    {
        if (translationOf is not { } id)
        {
            return null;
        }
        var target = await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw InvalidRequestException.For("translationOf", "is not an article.");
        var original = target.TranslationOfId ?? target.Id;
        if (original == selfId)
        {
            throw new BusinessRuleException("An article cannot be a translation of itself.");
        }
        if (await db.KnowledgeArticles.AnyAsync(a => (a.Id == original || a.TranslationOfId == original) && a.Language == language && a.Id != selfId, ct))
        {
            throw new BusinessRuleException($"This article already has a {language} version; edit that one instead.");
        }
        return original;
    }

    private static T? Invalid<T>(string field, string message, ValidationErrors errors) where T : struct
    {
        errors.Add(field, message);
        return null;
    }
}
