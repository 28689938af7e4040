namespace Atende.Email.Templates;

/// <summary>
/// An administrator's version of one built-in email template (<see cref="EmailTemplateDefaults"/>) in one language.
/// Only overrides are stored: without a row the built-in text is used, and deleting the row resets the template.
/// </summary>
public sealed class EmailTemplate
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;

    private EmailTemplate() { }

    public EmailTemplate(string key, string language, string subject, string body, int? agentId, DateTime now)
    {
        Key = key;
        Language = language;
        Change(subject, body, agentId, now);
    }

    public int Id { get; private set; }
    /// <summary>Which mail, such as "ticket.reply" (<see cref="EmailTemplateKeys"/>).</summary>
    public string Key { get; private set; } = "";
    /// <summary>"en" or "pt-BR": the recipient's language chooses the template.</summary>
    public string Language { get; private set; } = "en";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public int? UpdatedByAgentId { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Change(string subject, string body, int? agentId, DateTime now)
    {
        Subject = subject;
        Body = body;
        UpdatedByAgentId = agentId;
        UpdatedAt = now;
    }
}
