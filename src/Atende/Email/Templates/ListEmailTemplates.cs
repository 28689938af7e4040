using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email.Templates;

/// <summary>A template in one language as admins see it: the text in force, whether it is their own, and the built-in text.</summary>
public sealed record EmailTemplateView(
    string Key,
    string Language,
    string Subject,
    string Body,
    bool IsCustomized,
    string DefaultSubject,
    string DefaultBody,
    IReadOnlyList<string> Placeholders,
    DateTime? UpdatedAt);

/// <summary>Every template in every language (admins).</summary>
public sealed class ListEmailTemplates(AtendeDb db)
{
    public async Task<IReadOnlyList<EmailTemplateView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var custom = await db.EmailTemplates.AsNoTracking().ToListAsync(ct);
        return [.. from d in EmailTemplateDefaults.All
                   from language in EmailTemplateDefaults.Languages
                   select ToView(d, language, custom.FirstOrDefault(c => c.Key == d.Key && c.Language == language))];
    }

    internal static EmailTemplateView ToView(EmailTemplateDefinition definition, string language, EmailTemplate? custom)
    {
        var builtIn = definition.In(language);
        return new EmailTemplateView(definition.Key, language, custom?.Subject ?? builtIn.Subject, custom?.Body ?? builtIn.Body,
            custom is not null, builtIn.Subject, builtIn.Body, definition.Placeholders, custom?.UpdatedAt);
    }

    internal static EmailTemplateDefinition Definition(string key, string language)
    {
        var definition = EmailTemplateDefaults.Find(key) ?? throw new NotFoundException($"Email template '{key}'");
        if (!EmailTemplateDefaults.Languages.Contains(language))
        {
            throw new NotFoundException($"Email template '{key}' in '{language}'");
        }
        return definition;
    }
}
