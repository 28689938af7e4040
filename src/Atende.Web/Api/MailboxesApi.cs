using Atende.Email;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/mailboxes — the email accounts the desk fetches mail from and replies through (admins).</summary>
public static class MailboxesApi
{
    public static void MapMailboxesApi(this RouteGroupBuilder api)
    {
        var mailboxes = api.MapGroup("/mailboxes").WithTags("Mailboxes");
        mailboxes.MapGet("/", List).WithSummary("Every mailbox, by name, with its last poll and last error (admins)");
        mailboxes.MapGet("/{id:int}", Get).WithSummary("Read a mailbox; passwords are never returned, hasPassword says whether one is set");
        mailboxes.MapPost("/", Create).WithSummary("Connect a mailbox: inbound IMAP/POP3, optional outbound SMTP, new-ticket defaults (admins)");
        mailboxes.MapPatch("/{id:int}", Update).WithSummary("Change a mailbox; absent properties keep their value, \"password\": null removes one (admins)");
        mailboxes.MapDelete("/{id:int}", Delete).WithSummary("Disconnect a mailbox; its tickets stay (admins)");
        mailboxes.MapPost("/{id:int}/test", Test).WithSummary("Try the inbound and outbound connections as saved and say what failed (admins)");
    }

    private static async Task<Ok<IReadOnlyList<MailboxView>>> List(ListMailboxes list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<Ok<MailboxView>> Get(int id, GetMailbox get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<MailboxView>> Create(CreateMailboxRequest request, CreateMailbox create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/mailboxes/{view.Id}", view);
    }

    private static async Task<Ok<MailboxView>> Update(int id, UpdateMailboxRequest request, UpdateMailbox update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> Delete(int id, DeleteMailbox delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MailboxTestResult>> Test(int id, TestMailboxConnection test, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await test.HandleAsync(id, caller.Value, ct));
}
