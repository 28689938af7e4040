using Atende.Email;
using Atende.Email.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/email-templates — the texts of the mails the desk sends, per language (admins); /tickets/{n}/emails — a ticket's mail and its delivery.</summary>
public static class EmailTemplatesApi
{
    public static void MapEmailTemplatesApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/email-templates").WithTags("Email templates");
        templates.MapGet("/", List).WithSummary("Every template in every language (en, pt-BR): the text in force, the built-in text, the placeholders (admins)");
        templates.MapGet("/{key}/{language}", Get).WithSummary("One template in one language (admins)");
        templates.MapPut("/{key}/{language}", Update).WithSummary("Replace a template's subject and body in one language with your own (admins)");
        templates.MapDelete("/{key}/{language}", Reset).WithSummary("Go back to the built-in text of a template in one language (admins)");

        api.MapGroup("/tickets").WithTags("Tickets")
            .MapGet("/{number:int}/emails", Emails).WithSummary("The mail sent about a ticket and its delivery: queued, sent, retrying (with the error) or failed (agents)");
    }

    private static async Task<Ok<IReadOnlyList<EmailTemplateView>>> List(ListEmailTemplates list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<Ok<EmailTemplateView>> Get(string key, string language, GetEmailTemplate get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(key, language, caller.Value, ct));

    private static async Task<Ok<EmailTemplateView>> Update(string key, string language, UpdateEmailTemplateRequest request, UpdateEmailTemplate update,
        CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(key, language, request, caller.Value, ct));

    private static async Task<Ok<EmailTemplateView>> Reset(string key, string language, ResetEmailTemplate reset, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await reset.HandleAsync(key, language, caller.Value, ct));

    private static async Task<Ok<IReadOnlyList<TicketEmailView>>> Emails(int number, ListTicketEmails list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(number, caller.Value, ct));
}
