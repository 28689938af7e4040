namespace Atende.Email.Templates;

/// <summary>The names of the templates. Customer mail starts with "ticket.", agent notifications with "agent.".</summary>
public static class EmailTemplateKeys
{
    public const string Acknowledgement = "ticket.acknowledgement";
    public const string Reply = "ticket.reply";
    public const string Resolved = "ticket.resolved";
    public const string AgentNewTicket = "agent.new-ticket";
    public const string AgentAssigned = "agent.assigned";
    public const string AgentCustomerReplied = "agent.customer-replied";
    public const string AgentMentioned = "agent.mentioned";
    public const string AgentWatchedUpdated = "agent.watched-updated";
    public const string AgentSlaWarning = "agent.sla-warning";
    public const string AgentSlaBreached = "agent.sla-breached";
    public const string AgentDigest = "agent.digest";
}

/// <summary>A template's built-in text in one language.</summary>
public sealed record EmailTemplateText(string Subject, string Body);

/// <summary>One template: its key, the placeholders it may use, and its built-in English and Portuguese texts.</summary>
public sealed record EmailTemplateDefinition(string Key, IReadOnlyList<string> Placeholders, EmailTemplateText English, EmailTemplateText Portuguese)
{
    public EmailTemplateText In(string language) => language == "pt-BR" ? Portuguese : English;
}

/// <summary>
/// The built-in templates. Every mail has <c>ticket.number</c>, <c>ticket.subject</c>, <c>ticket.url</c> (the portal
/// page for customers, the agent workspace for agents), <c>ticket.status</c>, <c>ticket.priority</c>,
/// <c>requester.name</c>, <c>requester.email</c>, <c>recipient.name</c> and <c>desk.name</c>; the rest are per template.
/// </summary>
public static class EmailTemplateDefaults
{
    public static readonly IReadOnlyList<string> Languages = ["en", "pt-BR"];

    private static readonly string[] Common =
        ["ticket.number", "ticket.subject", "ticket.url", "ticket.status", "ticket.priority", "requester.name", "requester.email", "recipient.name", "desk.name"];

    public static readonly IReadOnlyList<EmailTemplateDefinition> All =
    [
        new(EmailTemplateKeys.Acknowledgement, With("message.body"),
            new("We received your request: {{ticket.subject}}",
                """
                Hello {{requester.name}},

                We received your request "{{ticket.subject}}" and will answer soon. Its number is #{{ticket.number}}.

                {{message.body}}

                Follow it at {{ticket.url}} or simply reply to this email.

                {{desk.name}}
                """),
            new("Recebemos sua solicitação: {{ticket.subject}}",
                """
                Olá, {{requester.name}},

                Recebemos sua solicitação "{{ticket.subject}}" e responderemos em breve. O número dela é #{{ticket.number}}.

                {{message.body}}

                Acompanhe em {{ticket.url}} ou simplesmente responda a este e-mail.

                {{desk.name}}
                """)),
        new(EmailTemplateKeys.Reply, With("message.body", "agent.name"),
            new("Re: {{ticket.subject}}",
                """
                {{message.body}}

                {{agent.name}}
                {{desk.name}}

                Reply to this email or see the whole conversation at {{ticket.url}}
                """),
            new("Re: {{ticket.subject}}",
                """
                {{message.body}}

                {{agent.name}}
                {{desk.name}}

                Responda a este e-mail ou veja a conversa completa em {{ticket.url}}
                """)),
        new(EmailTemplateKeys.Resolved, With("survey.url"),
            new("Resolved: {{ticket.subject}}",
                """
                Hello {{requester.name}},

                Your request #{{ticket.number}} "{{ticket.subject}}" was resolved. If something is still missing, just reply to this email and we will reopen it.
                {{#survey.url}}

                How did we do? Tell us in one click: {{survey.url}}
                {{/survey.url}}

                {{desk.name}}
                """),
            new("Resolvida: {{ticket.subject}}",
                """
                Olá, {{requester.name}},

                Sua solicitação #{{ticket.number}} "{{ticket.subject}}" foi resolvida. Se ainda faltar algo, basta responder a este e-mail e nós a reabriremos.
                {{#survey.url}}

                Como foi o atendimento? Conte para nós com um clique: {{survey.url}}
                {{/survey.url}}

                {{desk.name}}
                """)),
        new(EmailTemplateKeys.AgentNewTicket, With("team.name", "message.body"),
            new("New ticket #{{ticket.number}}: {{ticket.subject}}",
                """
                {{requester.name}} opened #{{ticket.number}} for {{team.name}} (priority {{ticket.priority}}).

                {{message.body}}

                Open it: {{ticket.url}}
                """),
            new("Novo chamado #{{ticket.number}}: {{ticket.subject}}",
                """
                {{requester.name}} abriu o #{{ticket.number}} para {{team.name}} (prioridade {{ticket.priority}}).

                {{message.body}}

                Abrir: {{ticket.url}}
                """)),
        new(EmailTemplateKeys.AgentAssigned, With("actor.name"),
            new("Assigned to you: #{{ticket.number}} {{ticket.subject}}",
                """
                {{actor.name}} assigned #{{ticket.number}} "{{ticket.subject}}" from {{requester.name}} to you.

                Open it: {{ticket.url}}
                """),
            new("Atribuído a você: #{{ticket.number}} {{ticket.subject}}",
                """
                {{actor.name}} atribuiu a você o #{{ticket.number}} "{{ticket.subject}}" de {{requester.name}}.

                Abrir: {{ticket.url}}
                """)),
        new(EmailTemplateKeys.AgentCustomerReplied, With("message.body"),
            new("{{requester.name}} replied: #{{ticket.number}} {{ticket.subject}}",
                """
                {{requester.name}} replied on #{{ticket.number}}:

                {{message.body}}

                Open it: {{ticket.url}}
                """),
            new("{{requester.name}} respondeu: #{{ticket.number}} {{ticket.subject}}",
                """
                {{requester.name}} respondeu no #{{ticket.number}}:

                {{message.body}}

                Abrir: {{ticket.url}}
                """)),
        new(EmailTemplateKeys.AgentMentioned, With("actor.name", "message.body"),
            new("{{actor.name}} mentioned you on #{{ticket.number}}",
                """
                {{actor.name}} mentioned you on #{{ticket.number}} "{{ticket.subject}}":

                {{message.body}}

                Open it: {{ticket.url}}
                """),
            new("{{actor.name}} mencionou você no #{{ticket.number}}",
                """
                {{actor.name}} mencionou você no #{{ticket.number}} "{{ticket.subject}}":

                {{message.body}}

                Abrir: {{ticket.url}}
                """)),
        new(EmailTemplateKeys.AgentWatchedUpdated, With("actor.name", "change.summary", "message.body"),
            new("Updated: #{{ticket.number}} {{ticket.subject}}",
                """
                {{actor.name}} updated #{{ticket.number}} "{{ticket.subject}}", which you watch.

                {{change.summary}}

                {{message.body}}

                Open it: {{ticket.url}}
                """),
            new("Atualizado: #{{ticket.number}} {{ticket.subject}}",
                """
                {{actor.name}} atualizou o #{{ticket.number}} "{{ticket.subject}}", que você acompanha.

                {{change.summary}}

                {{message.body}}

                Abrir: {{ticket.url}}
                """)),
        new(EmailTemplateKeys.AgentSlaWarning, With("sla.target", "sla.dueAt"),
            new("SLA warning: #{{ticket.number}} {{ticket.subject}}",
                """
                The {{sla.target}} target of #{{ticket.number}} "{{ticket.subject}}" is due at {{sla.dueAt}}.

                Open it: {{ticket.url}}
                """),
            new("Alerta de SLA: #{{ticket.number}} {{ticket.subject}}",
                """
                A meta de {{sla.target}} do #{{ticket.number}} "{{ticket.subject}}" vence em {{sla.dueAt}}.

                Abrir: {{ticket.url}}
                """)),
        new(EmailTemplateKeys.AgentSlaBreached, With("sla.target", "sla.dueAt"),
            new("SLA breached: #{{ticket.number}} {{ticket.subject}}",
                """
                The {{sla.target}} target of #{{ticket.number}} "{{ticket.subject}}" was due at {{sla.dueAt}} and was missed.

                Open it: {{ticket.url}}
                """),
            new("SLA violado: #{{ticket.number}} {{ticket.subject}}",
                """
                A meta de {{sla.target}} do #{{ticket.number}} "{{ticket.subject}}" vencia em {{sla.dueAt}} e não foi cumprida.

                Abrir: {{ticket.url}}
                """)),
        new(EmailTemplateKeys.AgentDigest, ["recipient.name", "desk.name", "digest.date", "digest.count", "digest.items", "digest.url"],
            new("Your day at {{desk.name}}: {{digest.count}} updates",
                """
                Hello {{recipient.name}},

                What happened on {{digest.date}}:

                {{digest.items}}

                See everything: {{digest.url}}
                """),
            new("Seu dia em {{desk.name}}: {{digest.count}} novidades",
                """
                Olá, {{recipient.name}},

                O que aconteceu em {{digest.date}}:

                {{digest.items}}

                Veja tudo: {{digest.url}}
                """)),
    ];

    public static EmailTemplateDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>"pt-BR" for Portuguese (pt, pt-BR, pt-PT...), "en" for everything else.</summary>
    public static string LanguageOf(string? language) =>
        language is not null && language.StartsWith("pt", StringComparison.OrdinalIgnoreCase) ? "pt-BR" : "en";

    private static string[] With(params string[] extra) => [.. Common, .. extra];
}
