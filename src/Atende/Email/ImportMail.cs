using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Customers;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Atende.Email;

public enum ImportOutcomeKind
{
    CreatedTicket,
    AddedToTicket,
    /// <summary>Automatic mail (bounce, auto-reply, list…) or our own: no ticket, no message (a bounce of ours leaves a system note).</summary>
    Ignored,
    /// <summary>Imported before (same mailbox and Message-ID, or the same mail through another of our mailboxes).</summary>
    Duplicate,
    /// <summary>Could not be imported: kept raw as <see cref="FailedMail"/> <see cref="ImportOutcome.FailedMailId"/>.</summary>
    Failed,
}

/// <summary>What one mail became. The poller may remove the mail from the server after any outcome: each is committed.</summary>
public sealed record ImportOutcome(ImportOutcomeKind Kind, int? TicketId = null, int? MessageId = null, int? FailedMailId = null, string? Reason = null)
{
    public static ImportOutcome Created(int ticketId, int messageId) => new(ImportOutcomeKind.CreatedTicket, ticketId, messageId);
    public static ImportOutcome Added(int ticketId, int messageId) => new(ImportOutcomeKind.AddedToTicket, ticketId, messageId);
    public static ImportOutcome Ignored(string reason, int? ticketId = null) => new(ImportOutcomeKind.Ignored, ticketId, Reason: reason);
    public static ImportOutcome Duplicate(int? ticketId) => new(ImportOutcomeKind.Duplicate, ticketId);
    public static ImportOutcome Failed(int failedMailId, string error) => new(ImportOutcomeKind.Failed, FailedMailId: failedMailId, Reason: error);
}

/// <summary>
/// Turns one raw mail of a mailbox into the right ticket change, exactly once (a system use case: the poller and the
/// failed-mail retry call it). Everything — customers, the ticket or message, its attachments, the
/// <see cref="ImportedMail"/> record and the ticket's outbox events — is committed in one transaction; the import record's
/// unique (mailbox, Message-ID) index makes a second delivery, or a second node importing the same mail at the same
/// moment, a <see cref="ImportOutcomeKind.Duplicate"/>. Threading, in order: our own Message-IDs in In-Reply-To/References;
/// Message-IDs of mails imported earlier; a reply address token in To/Cc/Delivered-To/X-Original-To; the subject tag
/// <c>[#1042]</c> when the sender is the requester or a participant of that ticket. A merged ticket leads to its target.
/// Whatever cannot be imported is kept raw as a <see cref="FailedMail"/>; nothing is lost and nothing throws but
/// cancellation and a database that cannot even store the failure.
/// </summary>
public sealed class ImportMail(
    AtendeDb db,
    TimeProvider clock,
    MailTokenSecret tokenSecret,
    FindOrCreateCustomer customers,
    IAttachmentStore store,
    IOptions<AttachmentOptions> attachmentOptions,
    IOptions<SmtpOptions> smtpOptions,
    OutboxSignal outboxSignal)
{
    /// <summary>Files beyond this many on one mail are not kept (the raw message still has them).</summary>
    public const int MaxAttachments = 50;

    /// <summary>At most this many Cc/To addresses of one mail become participants (a mail to a whole company must not).</summary>
    public const int MaxParticipantsPerMail = 20;

    /// <summary>The requester of mail without a usable sender address (.invalid is never deliverable, RFC 2606).</summary>
    public const string UnknownSenderAddress = "unknown-sender@sender.invalid";

    private const int MaxAttempts = 4;
    private const int MaxThreadIds = 50;

    public async Task<ImportOutcome> HandleAsync(int mailboxId, byte[] raw, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var mailbox = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId, ct)
            ?? throw new NotFoundException($"Mailbox {mailboxId}");
        var parse = InboundMail.Parse(raw);
        var rawSha = Convert.ToHexStringLower(SHA256.HashData(raw));
        var mail = parse.Mail;
        var key = mail?.MessageId is { Length: > 0 and <= ImportedMail.KeyMaxLength } id ? id : "sha256:" + rawSha;

        if (await FindDuplicateAsync(mailboxId, key, mail?.MessageId, ct) is { } earlier)
        {
            return earlier;
        }
        if (mail is null)
        {
            return await RecordFailureAsync(mailboxId, raw, null, null, parse.Error ?? "The message could not be read.", ct);
        }
        try
        {
            return await ImportAsync(mailbox, mail, raw, key, rawSha, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Even a bug in the import must leave the mail stored, not lost; an admin sees the error and retries.
            db.ChangeTracker.Clear();
            if (await FindDuplicateAsync(mailboxId, key, mail.MessageId, ct) is { } concurrent)
            {
                return concurrent;
            }
            return await RecordFailureAsync(mailboxId, raw, mail.Subject, mail.From?.Address, $"{e.GetType().Name}: {e.Message}", ct);
        }
    }

    private async Task<ImportOutcome?> FindDuplicateAsync(int mailboxId, string key, string? messageId, CancellationToken ct)
    {
        var same = await db.ImportedMails.AsNoTracking()
            .Where(m => m.MailboxId == mailboxId && m.Key == key)
            .Select(m => new { m.TicketId })
            .FirstOrDefaultAsync(ct);
        if (same is not null)
        {
            return ImportOutcome.Duplicate(same.TicketId);
        }
        // One mail sent to two of our addresses is one request: whichever mailbox imports it first wins.
        if (messageId is { Length: > 0 and <= ImportedMail.KeyMaxLength })
        {
            var other = await db.ImportedMails.AsNoTracking()
                .Where(m => m.MessageId == messageId && m.MailboxId != mailboxId)
                .Select(m => new { m.TicketId })
                .FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                return ImportOutcome.Duplicate(other.TicketId);
            }
        }
        return null;
    }

    private async Task<ImportOutcome> RecordFailureAsync(int mailboxId, byte[] raw, string? subject, string? from, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
        // The same mail failing again (a retry, or a poller that fetched it twice) is one row with a count, not a pile.
        var failed = await db.FailedMails.FirstOrDefaultAsync(f => f.MailboxId == mailboxId && f.Sha256 == sha && f.ResolvedAt == null, ct);
        if (failed is null)
        {
            failed = new FailedMail(mailboxId, raw, subject, from, error, now);
            db.FailedMails.Add(failed);
        }
        else
        {
            failed.FailedAgain(error, now);
        }
        await db.SaveChangesAsync(ct);
        return ImportOutcome.Failed(failed.Id, failed.Error);
    }

    private async Task<ImportOutcome> ImportAsync(Mailbox mailbox, InboundMail mail, byte[] raw, string key, string rawSha, CancellationToken ct)
    {
        // Outside the transaction: the secret may be created on first use, and the attachment store writes through its own
        // connection (on SQLite that must not wait for our write lock). Stored bytes are content-addressed, so bytes
        // of a mail whose import then fails or turns out a duplicate are harmless.
        var secret = await tokenSecret.GetAsync(db, ct);
        await store.SaveAsync(rawSha, raw, ct);
        var files = await StoreAttachmentsAsync(mail, ct);

        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var outcome = await ImportOnceAsync(mailbox, mail, raw, key, rawSha, secret, files, ct);
                await transaction.CommitAsync(ct);
                outboxSignal.Notify();
                return outcome;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A concurrent import of this mail (the unique index decided), a customer created by another mail at the
                // same moment, or an agent changing the ticket: start again on fresh data.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await FindDuplicateAsync(mailbox.Id, key, mail.MessageId, ct) is { } duplicate)
                {
                    return duplicate;
                }
                await Task.Delay(Random.Shared.Next(5, 50 * attempt), ct);
            }
        }
    }

    private async Task<ImportOutcome> ImportOnceAsync(
        Mailbox mailbox, InboundMail mail, byte[] raw, string key, string rawSha, byte[] secret, StoredFiles files, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var imported = new ImportedMail(mailbox.Id, key, mail.MessageId is { Length: <= ImportedMail.KeyMaxLength } m ? m : null, rawSha, raw.LongLength, now);
        imported.Became(ImportResult.Ignored, null, null, null, null);
        db.ImportedMails.Add(imported);
        // Claim the mail first: a second importer of the same mail waits on (PostgreSQL) or fails at (SQLite) this row.
        await db.SaveChangesAsync(ct);

        var ownAddresses = await OwnAddressesAsync(ct);
        var sender = SenderOf(mail);

        if (mail.Automatic is { } automatic)
        {
            var note = $"{automatic.Kind}: {automatic.Reason}";
            var bounced = automatic.Kind == AutomaticMailKind.Bounce ? await NoteBounceAsync(mail, automatic, secret, now, ct) : null;
            imported.Became(ImportResult.Ignored, bounced?.Ticket.Id, bounced?.Note, null, note);
            await db.SaveChangesAsync(ct);
            return ImportOutcome.Ignored(note, bounced?.Ticket.Id);
        }
        if (sender is not null && ownAddresses.Contains(BaseAddress(sender.Address)))
        {
            const string note = "Sent from one of our own addresses.";
            imported.Became(ImportResult.Ignored, null, null, null, note);
            await db.SaveChangesAsync(ct);
            return ImportOutcome.Ignored(note);
        }
        var unknownSender = sender is null;
        // Mail from a client that wrote no usable address ("From: Whomever") is still somebody's request: it opens a
        // ticket for the placeholder customer, whose address is marked bouncing so nothing is ever sent to it.
        sender ??= new EmailAddress(UnknownSenderAddress, "Unknown sender");

        var ticket = await ThreadAsync(mail, unknownSender ? null : sender.Address, secret, ct);
        var agent = await db.Agents.AsNoTracking()
            .Where(a => a.Active && a.Email.ToLower() == sender.Address)
            .Select(a => new { a.Id, a.AccountId, a.Role, a.Name, TeamIds = a.Memberships.Select(t => t.TeamId).ToList() })
            .FirstOrDefaultAsync(ct);

        Caller author;
        Customer? senderCustomer = null;
        if (ticket is not null && agent is not null)
        {
            // An agent answering by mail writes an internal note, never a public reply: mail from an agent's address is
            // easy to forge and easy to send by mistake (a reply-all), and a note reaches no customer.
            author = new Caller(agent.AccountId, agent.Id, null, agent.Role, agent.TeamIds, null, false, agent.Name);
        }
        else
        {
            // A new ticket from an agent's address is opened for that address as a customer like any other: agents
            // forwarding a request into the desk is common, and the request is then theirs to reassign.
            senderCustomer = await customers.FindOrAddAsync(sender.Address, Cut(sender.Name, 200), ct);
            if (unknownSender)
            {
                senderCustomer.MarkEmailBouncing(now);
            }
            else
            {
                senderCustomer.ClearEmailBouncing();
            }
            await db.SaveChangesAsync(ct);
            author = CustomerCaller(senderCustomer);
        }

        var isReply = ticket is not null;
        var text = mail.TextBody ?? "";
        string? original = null;
        if (isReply)
        {
            var trimmed = ReplyText.Trim(text);
            if (trimmed.WasTrimmed && trimmed.Text.Trim().Length > 0)
            {
                original = text;
                text = trimmed.Text;
            }
        }

        // Attachment rows first: an inline image's link in the body needs its id.
        var attachments = files.Files.Select(f => new Attachment(f.FileName, f.ContentType, f.Size, f.Sha256, null, now)).ToList();
        db.Attachments.AddRange(attachments);
        await db.SaveChangesAsync(ct);
        var body = BodyOf(text, mail, files, attachments);

        var visibility = author.IsStaff ? Visibility.Internal : Visibility.Public;
        var message = new Message(author, body, visibility, now);
        ImportResult result;
        if (ticket is null)
        {
            ticket = await OpenAsync(mailbox, mail, senderCustomer!, author, message, now, ct);
            result = ImportResult.CreatedTicket;
        }
        else
        {
            ticket.AddMessage(message, author, now);
            if (senderCustomer is not null && !unknownSender && senderCustomer.Id != ticket.RequesterId)
            {
                // Someone the conversation was forwarded to, answering through our Message-ID or reply address: they
                // take part from now on (they receive the replies), as if they had been in Cc.
                ticket.AddParticipant(senderCustomer.Id, author, now);
            }
            result = ImportResult.AddedToTicket;
        }
        foreach (var attachment in attachments)
        {
            attachment.AttachTo(message);
        }
        if (mailbox.CcParticipate)
        {
            await AddParticipantsAsync(ticket, mail, sender.Address, ownAddresses, author, now, ct);
        }
        await db.SaveChangesAsync(ct);

        imported.Became(result, ticket.Id, message, original, null);
        await db.SaveChangesAsync(ct);
        return result == ImportResult.CreatedTicket ? ImportOutcome.Created(ticket.Id, message.Id) : ImportOutcome.Added(ticket.Id, message.Id);
    }

    private async Task<Ticket> OpenAsync(Mailbox mailbox, InboundMail mail, Customer requester, Caller author, Message message, DateTime now, CancellationToken ct)
    {
        var typeKey = mailbox.RequestTypeKey;
        var type = (typeKey is null ? null : await db.RequestTypes.Include(t => t.Fields).FirstOrDefaultAsync(t => t.Key == typeKey && t.Active, ct))
            ?? await db.RequestTypes.Include(t => t.Fields).Where(t => t.Active).OrderByDescending(t => t.IsDefault).ThenBy(t => t.Position).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("No active request type is configured.");
        var status = await db.Statuses.Where(s => s.Category == StatusCategory.New).OrderBy(s => s.Position).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("No status of category New exists; an admin must create one.");
        // Mail cannot fill the type's form: defaults apply, required fields stay for the agent to complete.
        var fields = type.ValidateFields(null, null, new ValidationErrors());
        var ticket = Ticket.Open(SubjectOf(mail, message.Body), requester, type, status, mailbox.Priority, Channel.Email, fields.ToJsonString(), author, now);
        var teamId = mailbox.TeamId ?? type.DefaultTeamId;
        if (teamId is not null && await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct) is { } team)
        {
            ticket.MoveToTeam(team, author, now);
        }
        ticket.UseMailbox(mailbox.Id);
        ticket.AddMessage(message, author, now);
        db.Tickets.Add(ticket);
        return ticket;
    }

    /// <summary>The ticket an incoming mail answers, or null for a new request.</summary>
    private async Task<Ticket?> ThreadAsync(InboundMail mail, string? sender, byte[] secret, CancellationToken ct)
    {
        var threadIds = mail.ThreadIds.Where(id => id.Length <= ImportedMail.KeyMaxLength).Take(MaxThreadIds).ToList();
        int? ticketId = threadIds.Select(id => OwnMessageId.TicketOf(id, secret)).FirstOrDefault(t => t is not null);
        if (ticketId is null && threadIds.Count > 0)
        {
            var earlier = await db.ImportedMails.AsNoTracking()
                .Where(m => m.MessageId != null && threadIds.Contains(m.MessageId) && m.TicketId != null)
                .Select(m => new { m.MessageId, m.TicketId })
                .ToListAsync(ct);
            ticketId = threadIds.Select(id => earlier.FirstOrDefault(e => e.MessageId == id)?.TicketId).FirstOrDefault(t => t is not null);
        }
        if (ticketId is null)
        {
            ticketId = mail.To.Select(a => a.Address).Concat(mail.Cc.Select(a => a.Address)).Concat(mail.DeliveredTo)
                .Select(a => ReplyAddress.TicketOf(a, secret))
                .FirstOrDefault(t => t is not null);
        }
        Ticket? ticket = null;
        if (ticketId is not null)
        {
            ticket = await FollowMergesAsync(ticketId.Value, ct);
        }
        if (ticket is null && sender is not null && SubjectTag.Find(mail.Subject) is { } tagged)
        {
            // A subject tag is easy to type or to keep when writing about something else: it threads only mail from
            // someone already in that conversation.
            var candidate = await FollowMergesAsync(tagged, ct);
            if (candidate is not null)
            {
                var inConversation = await db.Customers.AnyAsync(c => c.Email == sender &&
                    (c.Id == candidate.RequesterId || db.Set<TicketParticipant>().Any(p => p.TicketId == candidate.Id && p.CustomerId == c.Id)), ct);
                ticket = inConversation ? candidate : null;
            }
        }
        return ticket;
    }

    private async Task<Ticket?> FollowMergesAsync(int ticketId, CancellationToken ct)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var ticket = await db.Tickets.Include(t => t.Participants).FirstOrDefaultAsync(t => t.Id == ticketId, ct);
            if (ticket?.MergedIntoId is not { } target)
            {
                return ticket;
            }
            ticketId = target;
        }
        return null;
    }

    private sealed record BounceNote(Ticket Ticket, Message Note);

    /// <summary>A bounce of our own mail: a system note on its ticket and the failed customers' addresses marked bouncing.</summary>
    private async Task<BounceNote?> NoteBounceAsync(InboundMail mail, AutomaticMail bounce, byte[] secret, DateTime now, CancellationToken ct)
    {
        if (OwnMessageId.TicketOf(bounce.OriginalMessageId, secret) is not { } ticketId || await FollowMergesAsync(ticketId, ct) is not { } ticket)
        {
            return null;
        }
        var recipients = bounce.Bounce?.FailedRecipients.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList() ?? [];
        if (recipients.Count > 0)
        {
            foreach (var customer in await db.Customers.Where(c => recipients.Contains(c.Email)).ToListAsync(ct))
            {
                customer.MarkEmailBouncing(now);
            }
        }
        var who = recipients.Count > 0 ? string.Join(", ", recipients) : "a recipient";
        var status = bounce.Bounce?.Status is { } code ? $" (status {code})" : "";
        var subject = string.IsNullOrWhiteSpace(mail.Subject) ? "" : $": \"{Cut(mail.Subject, 200)}\"";
        var note = new Message(Caller.System, $"Mail to {who} bounced{status}{subject}. The address is marked as bouncing; mail to it is not sent until it writes to us again.", Visibility.Internal, now);
        ticket.AddMessage(note, Caller.System, now);
        await db.SaveChangesAsync(ct);
        return new BounceNote(ticket, note);
    }

    private async Task AddParticipantsAsync(Ticket ticket, InboundMail mail, string sender, HashSet<string> ownAddresses, Caller actor, DateTime now, CancellationToken ct)
    {
        var candidates = mail.To.Concat(mail.Cc)
            .Select(a => (Address: NormalizedAddress(a.Address), a.Name))
            .Where(a => a.Address is not null && a.Address != sender && !ownAddresses.Contains(BaseAddress(a.Address)))
            .DistinctBy(a => a.Address)
            .Take(MaxParticipantsPerMail)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var addresses = candidates.Select(c => c.Address!).ToList();
        var agentAddresses = await db.Agents.Where(a => addresses.Contains(a.Email.ToLower())).Select(a => a.Email.ToLower()).ToListAsync(ct);
        var people = new List<Customer>();
        foreach (var (address, name) in candidates.Where(c => !agentAddresses.Contains(c.Address!)))
        {
            people.Add(await customers.FindOrAddAsync(address!, Cut(name, 200), ct));
        }
        await db.SaveChangesAsync(ct);
        foreach (var person in people)
        {
            ticket.AddParticipant(person.Id, actor, now);
        }
    }

    /// <summary>Our mailbox addresses and the desk's sender, without +detail: mail from them is our own.</summary>
    private async Task<HashSet<string>> OwnAddressesAsync(CancellationToken ct)
    {
        var addresses = await db.Mailboxes.AsNoTracking().Select(m => m.Address).ToListAsync(ct);
        if (smtpOptions.Value.From is { } from && MimeKit.MailboxAddress.TryParse(from, out var parsed))
        {
            addresses.Add(parsed.Address);
        }
        return addresses.Select(a => BaseAddress(a.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
    }

    private static Caller CustomerCaller(Customer customer) =>
        new(customer.AccountId, null, customer.Id, null, [], customer.OrganizationId, false, customer.Name);

    /// <summary>The person to answer: From, else Reply-To; lower case, or null when neither is a usable address.</summary>
    private static EmailAddress? SenderOf(InboundMail mail)
    {
        foreach (var candidate in new[] { mail.From }.Concat(mail.ReplyTo))
        {
            if (candidate is not null && NormalizedAddress(candidate.Address) is { } address)
            {
                return new EmailAddress(address, string.IsNullOrWhiteSpace(candidate.Name) ? null : candidate.Name.Trim());
            }
        }
        return null;
    }

    private static string? NormalizedAddress(string? address)
    {
        var errors = new ValidationErrors();
        return errors.Email("address", address?.Trim()) is { } valid && !errors.Any ? valid : null;
    }

    /// <summary>support+t1042.x@desk.example → support@desk.example: a reply address is still our address.</summary>
    private static string BaseAddress(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return address;
        }
        var plus = address.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 && plus < at ? address[..plus] + address[at..] : address;
    }

    private static string SubjectOf(InboundMail mail, string body)
    {
        var subject = string.Join(' ', (mail.Subject ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (subject.Length == 0)
        {
            // No subject: the first line the customer wrote says more than "(no subject)".
            var firstLine = body.Split('\n').Select(l => l.Trim().TrimEnd('\\').Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("![", StringComparison.Ordinal));
            subject = firstLine is null ? $"Email from {mail.From?.Address ?? "unknown sender"}" : Cut(firstLine, 80)!;
        }
        return Cut(subject, 250)!;
    }

    private static string? Cut(string? value, int max) => value is null ? null : value.Length > max ? value[..(max - 1)] + "…" : value;

    private sealed record StoredFile(string FileName, string ContentType, long Size, string Sha256, string? ContentId, bool IsInline);

    private sealed record StoredFiles(IReadOnlyList<StoredFile> Files, IReadOnlyList<string> Skipped);

    private async Task<StoredFiles> StoreAttachmentsAsync(InboundMail mail, CancellationToken ct)
    {
        var limits = attachmentOptions.Value;
        var files = new List<StoredFile>();
        var skipped = new List<string>();
        foreach (var attachment in mail.Attachments)
        {
            var name = SafeFileName(attachment.FileName);
            if (files.Count >= MaxAttachments)
            {
                skipped.Add($"{name} (more than {MaxAttachments} files)");
            }
            else if (attachment.Content.LongLength > limits.MaxBytes)
            {
                skipped.Add($"{name} (larger than {limits.MaxBytes / (1024 * 1024)} MB)");
            }
            else if (limits.BlockedExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
            {
                skipped.Add($"{name} (files of type {Path.GetExtension(name)} are not accepted)");
            }
            else
            {
                var sha = Convert.ToHexStringLower(SHA256.HashData(attachment.Content));
                await store.SaveAsync(sha, attachment.Content, ct);
                var type = string.IsNullOrWhiteSpace(attachment.ContentType) || attachment.ContentType.Length > 127 ? "application/octet-stream" : attachment.ContentType;
                files.Add(new StoredFile(name, type, attachment.Content.LongLength, sha, attachment.ContentId, attachment.IsInline));
            }
        }
        return new StoredFiles(files, skipped);
    }

    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0)
        {
            name = "attachment";
        }
        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            name = name[..(255 - Math.Min(extension.Length, 20))] + (extension.Length <= 20 ? extension : "");
        }
        return name;
    }

    /// <summary>
    /// The message body (Markdown): the text with its line breaks kept, the inline images the HTML showed (cid: links)
    /// as images pointing at their attachments, and a line naming files that were not kept.
    /// </summary>
    private static string BodyOf(string text, InboundMail mail, StoredFiles files, IReadOnlyList<Attachment> attachments)
    {
        var body = new StringBuilder();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            body.Append(line);
            // A mail's single line breaks are meant: Markdown would join the lines, so each becomes a hard break.
            var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
            body.Append(line.Length > 0 && next.Length > 0 ? "\\\n" : "\n");
        }
        var result = body.ToString().Trim();
        var images = new StringBuilder();
        for (var i = 0; i < files.Files.Count; i++)
        {
            var file = files.Files[i];
            if (file.IsInline && file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && file.ContentId is { Length: > 0 } cid
                && mail.HtmlBody?.Contains("cid:" + cid, StringComparison.OrdinalIgnoreCase) == true)
            {
                images.Append(CultureInfo.InvariantCulture, $"\n\n![{EscapeLinkText(file.FileName)}](/api/v1/attachments/{attachments[i].Id})");
            }
        }
        if (files.Skipped.Count > 0)
        {
            images.Append("\n\n_Not kept: ").Append(EscapeLinkText(string.Join("; ", files.Skipped))).Append("._");
        }
        result = (result + images).Trim();
        if (result.Length == 0)
        {
            result = "_(no text)_";
        }
        if (result.Length > Content.MarkdownBody.MaxLength)
        {
            const string more = "\n\n_(The text is longer; the original message has all of it.)_";
            result = result[..(Content.MarkdownBody.MaxLength - more.Length)] + more;
        }
        return result;
    }

    private static string EscapeLinkText(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);
}
