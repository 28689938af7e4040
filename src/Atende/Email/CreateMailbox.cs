using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace Atende.Email;

public sealed record CreateMailboxRequest
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public bool? Active { get; init; }
    public MailboxInboundInput? Inbound { get; init; }
    /// <summary>Absent: replies go through the desk's Atende:Smtp, from this mailbox's address.</summary>
    public MailboxOutboundInput? Outbound { get; init; }
    public int? TeamId { get; init; }
    public string? RequestType { get; init; }
    public string? Priority { get; init; }
    public bool? CcParticipate { get; init; }
}

/// <summary>Connects a mailbox (admins). Passwords are protected before they are stored and never returned.</summary>
public sealed class CreateMailbox(AtendeDb db, TimeProvider clock, IDataProtectionProvider protection)
{
    public async Task<MailboxView> HandleAsync(CreateMailboxRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var now = clock.GetUtcNow().UtcDateTime;
        var mailbox = new Mailbox("", "", now);
        await MailboxInput.ApplyAsync(mailbox, creating: true,
            new Optional<string>(true, request.Name), new Optional<string>(true, request.Address),
            request.Active is null ? default : new Optional<bool?>(true, request.Active),
            request.Inbound,
            request.Outbound is null ? default : new Optional<MailboxOutboundInput?>(true, request.Outbound),
            request.TeamId is null ? default : new Optional<int?>(true, request.TeamId),
            request.RequestType is null ? default : new Optional<string?>(true, request.RequestType),
            request.Priority is null ? default : new Optional<string>(true, request.Priority),
            request.CcParticipate is null ? default : new Optional<bool?>(true, request.CcParticipate),
            db, protection, now, ct);
        db.Mailboxes.Add(mailbox);
        await db.SaveChangesAsync(ct);
        return MailboxView.Of(mailbox);
    }
}
