using Atende.Tickets;
using Microsoft.AspNetCore.DataProtection;

namespace Atende.Email;

public enum MailProtocol
{
    Imap,
    Pop3,
}

public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAPS 993, POP3S 995, SMTPS 465).</summary>
    Ssl,
    StartTls,
    None,
}

/// <summary>What happens to a message on the server once its ticket or reply is committed (never before).</summary>
public enum AfterImport
{
    Delete,
    Move,
    MarkSeen,
}

/// <summary>
/// An address customers write to: where its mail is fetched (IMAP or POP3), how replies leave (its own SMTP account, or
/// the desk's Atende:Smtp when it has none), and what a new ticket from it gets (team, request type, priority).
/// Passwords are kept protected with Data Protection (<c>Protected…Password</c>) and are never shown again once written.
/// One node at a time polls a mailbox: it holds the claim until <see cref="ClaimedUntil"/>.
/// </summary>
public sealed class Mailbox
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 320;
    public const int HostMaxLength = 255;
    public const int UsernameMaxLength = 320;
    public const int FolderMaxLength = 200;

    private Mailbox() { }

    public Mailbox(string name, string address, DateTime now)
    {
        Name = name;
        Address = address;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; set; } = "";
    /// <summary>The public address, lower case; replies are sent from it and its reply tokens (support+t1042.x@) point to it.</summary>
    public string Address { get; set; } = "";
    public bool Active { get; set; } = true;

    public MailProtocol InboundProtocol { get; set; } = MailProtocol.Imap;
    public string InboundHost { get; set; } = "";
    public int InboundPort { get; set; } = 993;
    public MailSecurity InboundSecurity { get; set; } = MailSecurity.Ssl;
    public string InboundUsername { get; set; } = "";
    public string? ProtectedInboundPassword { get; set; }
    public string Folder { get; set; } = "INBOX";
    public int PollSeconds { get; set; } = 30;
    public AfterImport AfterImport { get; set; } = AfterImport.MarkSeen;
    /// <summary>The folder messages are moved to when <see cref="AfterImport"/> is Move.</summary>
    public string? MoveTo { get; set; }

    /// <summary>No host: replies from this mailbox go through the desk's Atende:Smtp, with this address as the sender.</summary>
    public string? OutboundHost { get; set; }
    public int OutboundPort { get; set; } = 587;
    public MailSecurity OutboundSecurity { get; set; } = MailSecurity.StartTls;
    public string? OutboundUsername { get; set; }
    public string? ProtectedOutboundPassword { get; set; }

    /// <summary>New tickets from this mailbox: their team, request type (a key; null for the desk's default) and priority.</summary>
    public int? TeamId { get; set; }
    public string? RequestTypeKey { get; set; }
    public Priority Priority { get; set; } = Priority.Normal;
    /// <summary>Whether addresses in Cc of an incoming mail take part in its ticket (they receive its public replies).</summary>
    public bool CcParticipate { get; set; } = true;

    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? LastPolledAt { get; set; }
    /// <summary>The last connection or fetch error, cleared by the next good poll; shown to admins.</summary>
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }

    private const string PasswordPurpose = "Atende.Email.MailboxPassword.v1";

    /// <summary>How a password is stored: protected with Data Protection, readable only by this desk's key ring.</summary>
    public static string ProtectPassword(IDataProtectionProvider protection, string password) =>
        protection.CreateProtector(PasswordPurpose).Protect(password);

    /// <summary>The inbound password in clear, only for the moment of logging in; never logged or returned.</summary>
    public string InboundPassword(IDataProtectionProvider protection) =>
        ProtectedInboundPassword is null ? "" : protection.CreateProtector(PasswordPurpose).Unprotect(ProtectedInboundPassword);

    public string OutboundPassword(IDataProtectionProvider protection) =>
        ProtectedOutboundPassword is null ? "" : protection.CreateProtector(PasswordPurpose).Unprotect(ProtectedOutboundPassword);

    /// <summary>Whether this mailbox may be polled at <paramref name="now"/>: active, unclaimed (or its claim expired) and its interval passed.</summary>
    public bool IsDue(DateTime now) =>
        Active && (ClaimedUntil is null || ClaimedUntil < now) && (LastPolledAt is null || LastPolledAt.Value.AddSeconds(PollSeconds) <= now);
}
