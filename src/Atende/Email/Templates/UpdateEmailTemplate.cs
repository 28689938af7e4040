using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email.Templates;

public sealed record UpdateEmailTemplateRequest(string? Subject, string? Body);

/// <summary>
/// Saves an administrator's subject and body for a template in one language. Placeholders must be ones the template
/// offers (a typo would otherwise vanish silently from every mail) and sections must be closed.
/// </summary>
public sealed class UpdateEmailTemplate(AtendeDb db, TimeProvider clock)
{
    public Task<EmailTemplateView> HandleAsync(string key, string language, UpdateEmailTemplateRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => SaveAsync(key, language, request, caller, ct));

    private async Task<EmailTemplateView> SaveAsync(string key, string language, UpdateEmailTemplateRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var definition = ListEmailTemplates.Definition(key, language);
        var errors = new ValidationErrors();
        var subject = request.Subject?.Trim() ?? "";
        var body = request.Body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        Check("subject", subject, EmailTemplate.MaxSubjectLength, definition, errors);
        Check("body", body, EmailTemplate.MaxBodyLength, definition, errors);
        if (subject.Contains('\n', StringComparison.Ordinal))
        {
            errors.Add("subject", "must be one line.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        if (template is null)
        {
            template = new EmailTemplate(key, language, subject, body, caller.AgentId, now);
            db.EmailTemplates.Add(template);
        }
        else
        {
            template.Change(subject, body, caller.AgentId, now);
        }
        await db.SaveChangesAsync(ct);
        return ListEmailTemplates.ToView(definition, language, template);
    }

    private static void Check(string field, string text, int max, EmailTemplateDefinition definition, ValidationErrors errors)
    {
        if (text.Length == 0)
        {
            errors.Add(field, "is required.");
            return;
        }
        if (text.Length > max)
        {
            errors.Add(field, $"must be at most {max} characters.");
        }
        foreach (var problem in TemplateText.Problems(text))
        {
            errors.Add(field, problem);
        }
        foreach (var name in TemplateText.NamesIn(text).Where(n => !definition.Placeholders.Contains(n)))
        {
            errors.Add(field, $"{{{{{name}}}}} is not a placeholder of this template; use {string.Join(", ", definition.Placeholders.Select(p => "{{" + p + "}}"))}.");
        }
    }
}
