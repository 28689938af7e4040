using Atende.Persistence;
using Atende.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>A mailbox as the API shows it: passwords are write-only, <c>hasPassword</c> says whether one is set.</summary>
public sealed record MailboxView(
    int Id,
    string Name,
    string Address,
    bool Active,
    MailboxInboundView Inbound,
    MailboxOutboundView? Outbound,
    int? TeamId,
    string? RequestType,
    string Priority,
    bool CcParticipate,
    DateTime? LastPolledAt,
    string? LastError,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    internal static MailboxView Of(Mailbox m) => new(
        m.Id, m.Name, m.Address, m.Active,
        new MailboxInboundView(MailboxInput.Name(m.InboundProtocol), m.InboundHost, m.InboundPort, MailboxInput.Name(m.InboundSecurity),
            m.InboundUsername, m.ProtectedInboundPassword is not null, m.Folder, m.PollSeconds, MailboxInput.Name(m.AfterImport), m.MoveTo),
        m.OutboundHost is null ? null
            : new MailboxOutboundView(m.OutboundHost, m.OutboundPort, MailboxInput.Name(m.OutboundSecurity), m.OutboundUsername, m.ProtectedOutboundPassword is not null),
        m.TeamId, m.RequestTypeKey, m.Priority.ToString().ToLowerInvariant(), m.CcParticipate, m.LastPolledAt, m.LastError, m.CreatedAt, m.UpdatedAt);
}

public sealed record MailboxInboundView(
    string Protocol, string Host, int Port, string Security, string Username, bool HasPassword, string Folder, int PollSeconds, string AfterImport, string? MoveTo);

/// <summary>The mailbox's own SMTP account; absent when replies go through the desk's Atende:Smtp.</summary>
public sealed record MailboxOutboundView(string Host, int Port, string Security, string? Username, bool HasPassword);

/// <summary>Where mail is fetched. In PATCH, absent (or null) properties keep their value; <c>"password": null</c> removes the password.</summary>
public sealed record MailboxInboundInput
{
    public string? Protocol { get; init; }
    public string? Host { get; init; }
    public int? Port { get; init; }
    public string? Security { get; init; }
    public string? Username { get; init; }
    public Optional<string?> Password { get; init; }
    public string? Folder { get; init; }
    public int? PollSeconds { get; init; }
    public string? AfterImport { get; init; }
    public string? MoveTo { get; init; }
}

/// <summary>The SMTP account replies leave from. In PATCH, absent properties keep their value.</summary>
public sealed record MailboxOutboundInput
{
    public string? Host { get; init; }
    public int? Port { get; init; }
    public string? Security { get; init; }
    public string? Username { get; init; }
    public Optional<string?> Password { get; init; }
}

/// <summary>Reads and checks what create and update carry, with every error at its field, then applies it to a mailbox.</summary>
internal static class MailboxInput
{
    public const int MinPollSeconds = 10;
    public const int MaxPollSeconds = 86_400;
    public const int PasswordMaxLength = 500;

    public static string Name(MailProtocol p) => p == MailProtocol.Pop3 ? "pop3" : "imap";

    public static string Name(MailSecurity s) => s switch
    {
        MailSecurity.Ssl => "ssl",
        MailSecurity.StartTls => "starttls",
        _ => "none",
    };

    public static string Name(AfterImport a) => a switch
    {
        AfterImport.Delete => "delete",
        AfterImport.Move => "move",
        _ => "markSeen",
    };

    private static MailProtocol? Protocol(string field, string? value, ValidationErrors errors) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "imap" => MailProtocol.Imap,
        "pop3" => MailProtocol.Pop3,
        _ => Invalid<MailProtocol>(errors, field, "must be imap or pop3."),
    };

    private static MailSecurity? Security(string field, string? value, ValidationErrors errors) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "ssl" or "tls" => MailSecurity.Ssl,
        "starttls" => MailSecurity.StartTls,
        "none" => MailSecurity.None,
        _ => Invalid<MailSecurity>(errors, field, "must be ssl, starttls or none."),
    };

    private static AfterImport? After(string field, string? value, ValidationErrors errors) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "delete" => Email.AfterImport.Delete,
        "move" => Email.AfterImport.Move,
        "markseen" => Email.AfterImport.MarkSeen,
        _ => Invalid<AfterImport>(errors, field, "must be delete, move or markSeen."),
    };

    public static Priority? Priority(string? value, ValidationErrors errors) =>
        value is null ? null
        : Enum.TryParse<Priority>(value.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(value, out _) ? p
        : Invalid<Priority>(errors, "priority", "must be urgent, high, normal or low.");

    private static T? Invalid<T>(ValidationErrors errors, string field, string message) where T : struct
    {
        errors.Add(field, message);
        return null;
    }

    private static string? Host(string field, string? value, ValidationErrors errors, bool required)
    {
        var host = errors.Text(field, value, Mailbox.HostMaxLength, required);
        if (host is not null && (host.Contains(' ', StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')))
        {
            errors.Add(field, "must be a server name or address such as imap.example.com, without port or scheme.");
            return null;
        }
        return host?.ToLowerInvariant();
    }

    private static string? Password(string field, Optional<string?> value, ValidationErrors errors)
    {
        if (value.Value is { } p && (p.Length == 0 || p.Length > PasswordMaxLength))
        {
            errors.Add(field, $"must be 1 to {PasswordMaxLength} characters; send null to remove it.");
        }
        return value.Value;
    }

    /// <summary>
    /// Checks the fields present and applies them. <paramref name="creating"/>: the inbound host and user are required.
    /// Nothing is changed when there is an error (the caller throws before saving).
    /// </summary>
    public static async Task ApplyAsync(
        Mailbox mailbox,
        bool creating,
        Optional<string> name,
        Optional<string> address,
        Optional<bool?> active,
        MailboxInboundInput? inbound,
        Optional<MailboxOutboundInput?> outbound,
        Optional<int?> teamId,
        Optional<string?> requestType,
        Optional<string> priority,
        Optional<bool?> ccParticipate,
        AtendeDb db,
        IDataProtectionProvider protection,
        DateTime now,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var newName = name.IsSet ? errors.Text("name", name.Value, Mailbox.NameMaxLength, required: true) : null;
        var newAddress = address.IsSet ? errors.Email("address", address.Value, required: true) : null;
        if (newAddress is not null && await db.Mailboxes.AnyAsync(m => m.Address == newAddress && m.Id != mailbox.Id, ct))
        {
            errors.Add("address", "is already used by another mailbox.");
        }
        if (active is { IsSet: true, Value: null })
        {
            errors.Add("active", "cannot be empty.");
        }
        if (ccParticipate is { IsSet: true, Value: null })
        {
            errors.Add("ccParticipate", "cannot be empty.");
        }

        if (creating && inbound is null)
        {
            errors.Add("inbound", "is required: where the mail is fetched from.");
        }
        var protocol = Protocol("inbound.protocol", inbound?.Protocol, errors);
        var inHost = Host("inbound.host", inbound?.Host, errors, required: creating && inbound is not null);
        var inSecurity = Security("inbound.security", inbound?.Security, errors);
        var inUser = errors.Text("inbound.username", inbound?.Username, Mailbox.UsernameMaxLength, required: creating && inbound is not null);
        var inPassword = inbound is null ? null : Password("inbound.password", inbound.Password, errors);
        var folder = errors.Text("inbound.folder", inbound?.Folder, Mailbox.FolderMaxLength);
        var poll = errors.Range("inbound.pollSeconds", inbound?.PollSeconds, MinPollSeconds, MaxPollSeconds);
        errors.Range("inbound.port", inbound?.Port, 1, 65535);
        var after = After("inbound.afterImport", inbound?.AfterImport, errors);
        var moveTo = errors.Text("inbound.moveTo", inbound?.MoveTo, Mailbox.FolderMaxLength);

        // The result as it will be, to check the rules between fields.
        var finalProtocol = protocol ?? mailbox.InboundProtocol;
        var finalAfter = after ?? (creating && finalProtocol == MailProtocol.Pop3 ? Email.AfterImport.Delete : mailbox.AfterImport);
        var finalMoveTo = moveTo ?? mailbox.MoveTo;
        var finalFolder = folder ?? mailbox.Folder;
        if (finalProtocol == MailProtocol.Pop3 && finalAfter != Email.AfterImport.Delete)
        {
            // POP3 has neither folders nor a seen flag: the only way not to fetch a message again is to delete it.
            errors.Add("inbound.afterImport", "must be delete for a POP3 mailbox (POP3 has no folders or seen flag).");
        }
        if (finalAfter == Email.AfterImport.Move && string.IsNullOrEmpty(finalMoveTo))
        {
            errors.Add("inbound.moveTo", "is required when imported mail is moved.");
        }
        if (finalAfter == Email.AfterImport.Move && string.Equals(finalMoveTo, finalFolder, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("inbound.moveTo", "must be another folder than the one mail is fetched from.");
        }

        string? outHost = null, outUser = null, outPassword = null;
        MailSecurity? outSecurity = null;
        var clearOutbound = outbound is { IsSet: true, Value: null };
        if (outbound.Value is { } o)
        {
            outHost = Host("outbound.host", o.Host, errors, required: mailbox.OutboundHost is null);
            errors.Range("outbound.port", o.Port, 1, 65535);
            outSecurity = Security("outbound.security", o.Security, errors);
            outUser = errors.Text("outbound.username", o.Username, Mailbox.UsernameMaxLength);
            outPassword = Password("outbound.password", o.Password, errors);
        }

        if (teamId.Value is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            errors.Add("teamId", "is not a team.");
        }
        var typeKey = requestType.IsSet ? errors.Text("requestType", requestType.Value, 100) : null;
        if (typeKey is not null && !await db.RequestTypes.AnyAsync(r => r.Key == typeKey && r.Active, ct))
        {
            errors.Add("requestType", $"'{typeKey}' is not an active request type.");
        }
        var newPriority = priority.IsSet ? Priority(priority.Value, errors) : null;
        if (priority is { IsSet: true, Value: null })
        {
            errors.Add("priority", "cannot be empty.");
        }
        errors.ThrowIfAny();

        mailbox.Name = newName ?? mailbox.Name;
        mailbox.Address = newAddress ?? mailbox.Address;
        mailbox.Active = active.Value ?? mailbox.Active;
        if (inbound is not null)
        {
            mailbox.InboundProtocol = finalProtocol;
            mailbox.InboundHost = inHost ?? mailbox.InboundHost;
            mailbox.InboundSecurity = inSecurity ?? mailbox.InboundSecurity;
            mailbox.InboundPort = inbound.Port ?? (creating || protocol is not null || inSecurity is not null
                ? DefaultPort(finalProtocol, mailbox.InboundSecurity) : mailbox.InboundPort);
            mailbox.InboundUsername = inUser ?? mailbox.InboundUsername;
            if (inbound.Password.IsSet)
            {
                mailbox.ProtectedInboundPassword = inPassword is null ? null : Mailbox.ProtectPassword(protection, inPassword);
            }
            mailbox.Folder = finalProtocol == MailProtocol.Pop3 ? "INBOX" : finalFolder;
            mailbox.PollSeconds = poll ?? mailbox.PollSeconds;
            mailbox.AfterImport = finalAfter;
            mailbox.MoveTo = finalAfter == Email.AfterImport.Move ? finalMoveTo : moveTo ?? mailbox.MoveTo;
        }
        if (clearOutbound)
        {
            mailbox.OutboundHost = null;
            mailbox.OutboundUsername = null;
            mailbox.ProtectedOutboundPassword = null;
        }
        else if (outbound.Value is { } ob)
        {
            var wasSet = mailbox.OutboundHost is not null;
            mailbox.OutboundHost = outHost ?? mailbox.OutboundHost;
            mailbox.OutboundSecurity = outSecurity ?? (wasSet ? mailbox.OutboundSecurity : MailSecurity.StartTls);
            mailbox.OutboundPort = ob.Port ?? (!wasSet || outSecurity is not null ? (mailbox.OutboundSecurity == MailSecurity.Ssl ? 465 : 587) : mailbox.OutboundPort);
            mailbox.OutboundUsername = outUser ?? mailbox.OutboundUsername;
            if (ob.Password.IsSet)
            {
                mailbox.ProtectedOutboundPassword = outPassword is null ? null : Mailbox.ProtectPassword(protection, outPassword);
            }
        }
        if (teamId.IsSet)
        {
            mailbox.TeamId = teamId.Value;
        }
        if (requestType.IsSet)
        {
            mailbox.RequestTypeKey = typeKey;
        }
        mailbox.Priority = newPriority ?? mailbox.Priority;
        mailbox.CcParticipate = ccParticipate.Value ?? mailbox.CcParticipate;
        mailbox.UpdatedAt = now;
    }

    /// <summary>The usual port of a protocol with a security mode (IMAPS 993, IMAP 143, POP3S 995, POP3 110).</summary>
    public static int DefaultPort(MailProtocol protocol, MailSecurity security) => (protocol, security) switch
    {
        (MailProtocol.Imap, MailSecurity.Ssl) => 993,
        (MailProtocol.Imap, _) => 143,
        (MailProtocol.Pop3, MailSecurity.Ssl) => 995,
        _ => 110,
    };
}
