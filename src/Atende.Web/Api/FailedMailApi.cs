using Atende.Email;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>
/// /api/v1/mailboxes/{id}/failed-messages — mail that could not be imported, kept raw (admins): list, download, retry.
/// And /api/v1/tickets/{number}/messages/{id}/original — "show original" of a message that arrived by mail (agents).
/// </summary>
public static class FailedMailApi
{
    public static void MapFailedMailApi(this RouteGroupBuilder api)
    {
        var failed = api.MapGroup("/mailboxes").WithTags("Mailboxes");
        failed.MapGet("/failed-messages", ListAll).WithSummary("Mail no mailbox could import, unresolved first, newest first; without the raw bytes (admins)");
        failed.MapGet("/{id:int}/failed-messages", List).WithSummary("Mail this mailbox could not import, unresolved first, newest first; without the raw bytes (admins)");
        failed.MapGet("/{id:int}/failed-messages/{msgId:int}/raw", Raw).WithSummary("The exact bytes of a failed mail, as message/rfc822 (admins)");
        failed.MapPost("/{id:int}/failed-messages/{msgId:int}/retry", Retry).WithSummary("Import a failed mail again from its stored bytes; on success it is resolved with its ticket (admins)");

        var originals = api.MapGroup("/tickets").WithTags("Tickets");
        originals.MapGet("/{number:int}/messages/{messageId:int}/original", Original).WithSummary("The untrimmed text of a message that arrived by mail (agents)");
        originals.MapGet("/{number:int}/messages/{messageId:int}/original/raw", OriginalRaw).WithSummary("The raw mail a message was imported from, as message/rfc822 (agents)");
    }

    private static async Task<Ok<IReadOnlyList<FailedMailView>>> ListAll(bool? includeResolved, ListFailedMails list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(new ListFailedMailsRequest(null, includeResolved ?? false), caller.Value, ct));

    private static async Task<Ok<IReadOnlyList<FailedMailView>>> List(int id, bool? includeResolved, ListFailedMails list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(new ListFailedMailsRequest(id, includeResolved ?? false), caller.Value, ct));

    private static async Task<FileContentHttpResult> Raw(int id, int msgId, DownloadFailedMail download, CurrentCaller caller, HttpContext http, CancellationToken ct) =>
        AsMessage(await download.HandleAsync(id, msgId, caller.Value, ct), http);

    private static async Task<Ok<ImportOutcome>> Retry(int id, int msgId, RetryFailedMail retry, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await retry.HandleAsync(id, msgId, caller.Value, ct));

    private static async Task<Ok<MessageOriginalView>> Original(int number, int messageId, GetMessageOriginal get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(number, messageId, caller.Value, ct));

    private static async Task<FileContentHttpResult> OriginalRaw(int number, int messageId, DownloadMessageOriginal download, CurrentCaller caller, HttpContext http, CancellationToken ct) =>
        AsMessage(await download.HandleAsync(number, messageId, caller.Value, ct), http);

    private static FileContentHttpResult AsMessage(RawMail mail, HttpContext http)
    {
        // A download, never rendered: mail is hostile content.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(mail.Bytes, "message/rfc822", mail.FileName);
    }
}
