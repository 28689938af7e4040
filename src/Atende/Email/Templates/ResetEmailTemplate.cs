using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email.Templates;

/// <summary>Goes back to the built-in text of a template in one language (admins).</summary>
public sealed class ResetEmailTemplate(AtendeDb db)
{
    public async Task<EmailTemplateView> HandleAsync(string key, string language, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var definition = ListEmailTemplates.Definition(key, language);
        await db.EmailTemplates.Where(t => t.Key == key && t.Language == language).ExecuteDeleteAsync(ct);
        return ListEmailTemplates.ToView(definition, language, null);
    }
}
