using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email.Templates;

/// <summary>
/// Renders a template in a recipient's language: the administrator's override when there is one, else the built-in
/// text. Used by every mail about tickets (customer mail here, agent notifications in Notifications), inside the
/// caller's transaction: <c>await EmailTemplates.RenderAsync(db, EmailTemplateKeys.AgentAssigned, agentLanguage, values, ct)</c>.
/// </summary>
public static class EmailTemplates
{
    public static async Task<RenderedEmail> RenderAsync(AtendeDb db, string key, string? language, TemplateValues values, CancellationToken ct)
    {
        var text = await TextAsync(db, key, language, ct);
        return TemplateText.Render(text.Subject, text.Body, values);
    }

    /// <summary>The subject and body in force for a template and language.</summary>
    public static async Task<EmailTemplateText> TextAsync(AtendeDb db, string key, string? language, CancellationToken ct)
    {
        var definition = EmailTemplateDefaults.Find(key) ?? throw new ArgumentException($"'{key}' is not an email template.", nameof(key));
        var lang = EmailTemplateDefaults.LanguageOf(language);
        var custom = await db.EmailTemplates.AsNoTracking()
            .Where(t => t.Key == key && t.Language == lang)
            .Select(t => new EmailTemplateText(t.Subject, t.Body))
            .FirstOrDefaultAsync(ct);
        return custom ?? definition.In(lang);
    }
}
