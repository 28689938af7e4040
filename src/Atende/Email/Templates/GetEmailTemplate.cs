using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email.Templates;

/// <summary>One template in one language (admins).</summary>
public sealed class GetEmailTemplate(AtendeDb db)
{
    public async Task<EmailTemplateView> HandleAsync(string key, string language, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var definition = ListEmailTemplates.Definition(key, language);
        var custom = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        return ListEmailTemplates.ToView(definition, language, custom);
    }
}
