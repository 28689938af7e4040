using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>
/// PATCH: only the properties present change. Inside <c>inbound</c> and <c>outbound</c> absent properties keep their
/// value and <c>"password": null</c> removes a password; <c>"outbound": null</c> sends replies through the desk's SMTP.
/// </summary>
public sealed record UpdateMailboxRequest
{
    public Optional<string> Name { get; init; }
    public Optional<string> Address { get; init; }
    public Optional<bool?> Active { get; init; }
    public MailboxInboundInput? Inbound { get; init; }
    public Optional<MailboxOutboundInput?> Outbound { get; init; }
    public Optional<int?> TeamId { get; init; }
    public Optional<string?> RequestType { get; init; }
    public Optional<string> Priority { get; init; }
    public Optional<bool?> CcParticipate { get; init; }
}

/// <summary>Changes a mailbox (admins). A changed server or password is used from the next poll on.</summary>
public sealed class UpdateMailbox(AtendeDb db, TimeProvider clock, IDataProtectionProvider protection)
{
    public async Task<MailboxView> HandleAsync(int id, UpdateMailboxRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var mailbox = await db.Mailboxes.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Mailbox {id}");
        await MailboxInput.ApplyAsync(mailbox, creating: false, request.Name, request.Address, request.Active, request.Inbound, request.Outbound,
            request.TeamId, request.RequestType, request.Priority, request.CcParticipate, db, protection, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return MailboxView.Of(mailbox);
    }
}
