using Atende.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Atende.Email;

/// <summary>Atende:Mailboxes: how nodes poll the mailboxes.</summary>
public sealed class MailboxPollingOptions
{
    /// <summary>Off: this node never polls (tests drive <see cref="MailboxPoller"/> themselves; a node can be kept for the web only).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often a node looks for a mailbox whose interval has passed, in seconds.</summary>
    public int TickSeconds { get; set; } = 5;
    /// <summary>Messages fetched per round trip of a poll; a poll goes on with the next batch while the folder has more.</summary>
    public int BatchSize { get; set; } = 100;
    /// <summary>How long one poll may keep a mailbox before it lets the others have their turn, in seconds.</summary>
    public int MaxPollSeconds { get; set; } = 120;
}

/// <summary>What one poll of one mailbox did.</summary>
public sealed record PollOutcome(int MailboxId, int Imported, string? Error);

/// <summary>
/// Fetches mail on every node. A mailbox is claimed by one node at a time with a lease (ClaimedBy/ClaimedUntil, set
/// in one UPDATE guarded by FOR UPDATE SKIP LOCKED on PostgreSQL and by the single writer on SQLite, as outbound mail
/// and webhooks are claimed) and renewed while the poll runs. Each message is handed to <see cref="ImportMail"/>; only
/// after it returned — its transaction committed, or the mail recognised as a duplicate, ignored as automatic, or kept
/// as failed — is the message deleted, moved or marked seen on the server. A crash between the two imports the message
/// again on the next poll, which ImportMail recognises by Message-ID: nothing lost, nothing doubled.
/// IMAP IDLE is not used: mailboxes are polled every PollSeconds (at least 10).
/// </summary>
public sealed partial class MailboxPoller(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    IOptions<MailboxPollingOptions> options,
    TimeProvider clock,
    ILogger<MailboxPoller> logger) : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(60);

    private readonly string _node = Node();

    private static string Node()
    {
        var node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return node.Length > 100 ? node[^100..] : node;
    }

    /// <summary>
    /// Called after each message was imported and before the after-import step, with the mailbox id. An observer for
    /// tests: throwing from it is a node dying between the commit and the removal.
    /// </summary>
    public Func<int, Task>? Imported { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollDueAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, settings.TickSeconds)), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
            }
        }
    }

    /// <summary>Polls, one after the other, every mailbox that is due and that no other node holds.</summary>
    public async Task<IReadOnlyList<PollOutcome>> PollDueAsync(CancellationToken ct)
    {
        var outcomes = new List<PollOutcome>();
        var seen = new HashSet<int>();
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<Mailbox> candidates;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
                candidates = await db.Mailboxes.AsNoTracking().Where(m => m.Active).OrderBy(m => m.LastPolledAt).ThenBy(m => m.Id).ToListAsync(ct);
            }
            PollOutcome? outcome = null;
            foreach (var mailbox in candidates.Where(m => !seen.Contains(m.Id) && m.IsDue(now)))
            {
                seen.Add(mailbox.Id);
                outcome = await PollMailboxAsync(mailbox.Id, force: false, ct);
                if (outcome is not null)
                {
                    outcomes.Add(outcome);
                    break;
                }
            }
            if (outcome is null)
            {
                return outcomes;
            }
        }
    }

    /// <summary>
    /// Claims and polls one mailbox; null when another node holds it (or, unless <paramref name="force"/>, when its
    /// interval has not passed). <paramref name="force"/> is "poll now".
    /// </summary>
    public async Task<PollOutcome?> PollMailboxAsync(int mailboxId, bool force, CancellationToken ct)
    {
        Mailbox? mailbox;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
            mailbox = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId, ct);
            if (mailbox is null || !await ClaimAsync(db, mailbox, force, ct))
            {
                return null;
            }
        }
        var imported = 0;
        string? error = null;
        try
        {
            imported = mailbox.InboundProtocol == MailProtocol.Pop3
                ? await PollPop3Async(mailbox, ct)
                : await PollImapAsync(mailbox, ct);
        }
        catch (PollStopped stop)
        {
            imported = stop.Imported;
            error = stop.Message;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = MailConnection.Explain(e, mailbox.InboundHost, mailbox.InboundPort, mailbox.Folder).Message;
            LogPollFailed(logger, mailbox.Id, mailbox.Address, error);
        }
        finally
        {
            // Let go of the claim however the poll ended (a cancelled one too), so the next node need not wait for the lease.
            await ReleaseAsync(mailbox.Id, error, CancellationToken.None);
        }
        return new PollOutcome(mailbox.Id, imported, error);
    }

    private async Task<bool> ClaimAsync(AtendeDb db, Mailbox mailbox, bool force, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var dueBefore = force ? DateTime.MaxValue : now.AddSeconds(-mailbox.PollSeconds);
        var node = _node;
        var id = mailbox.Id;
        var claimed = db.IsPostgres
            ? await db.Database.SqlQuery<int>($"""
                UPDATE "Mailboxes" SET "ClaimedBy" = {node}, "ClaimedUntil" = {until}
                WHERE "Id" IN (SELECT "Id" FROM "Mailboxes"
                               WHERE "Id" = {id} AND "Active" AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                                 AND ("LastPolledAt" IS NULL OR "LastPolledAt" <= {dueBefore})
                               FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"""
                UPDATE "Mailboxes" SET "ClaimedBy" = {node}, "ClaimedUntil" = {until}
                WHERE "Id" = {id} AND "Active" AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                  AND ("LastPolledAt" IS NULL OR "LastPolledAt" <= {dueBefore})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        return claimed.Count == 1;
    }

    /// <summary>Moves the lease forward; false when this node no longer holds the mailbox (its lease expired and another took it).</summary>
    private async Task<bool> RenewAsync(int mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var until = clock.GetUtcNow().UtcDateTime + Lease;
        var node = _node;
        return await db.Mailboxes.Where(m => m.Id == mailboxId && m.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct) == 1;
    }

    private async Task ReleaseAsync(int mailboxId, string? error, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            var node = _node;
            var lastError = error is { Length: > 2000 } ? error[..2000] : error;
            await db.Mailboxes.Where(m => m.Id == mailboxId && m.ClaimedBy == node)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LastPolledAt, now)
                    .SetProperty(m => m.LastError, lastError)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
        }
        catch (Exception e)
        {
            // The lease expires by itself; the next poll after it goes on.
            LogReleaseFailed(logger, mailboxId, e);
        }
    }

    /// <summary>Hands the bytes to ImportMail in a scope of their own: a committed transaction per message.</summary>
    private async Task ImportAsync(int mailboxId, byte[] raw, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportMail>().HandleAsync(mailboxId, raw, ct);
        if (Imported is { } observer)
        {
            await observer(mailboxId);
        }
    }

    private async Task<int> PollImapAsync(Mailbox mailbox, CancellationToken ct)
    {
        var settings = options.Value;
        using var client = await MailConnection.ImapAsync(mailbox, protection, ServerTimeout, ct);
        var folder = await client.GetFolderAsync(mailbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        IMailFolder? moveTo = null;
        if (mailbox.AfterImport == AfterImport.Move)
        {
            moveTo = await FolderAsync(client, mailbox.MoveTo!, ct);
        }
        // Marked seen means done: those are skipped. Deleted and moved mail leaves the folder, so all of it is new.
        var query = mailbox.AfterImport == AfterImport.MarkSeen ? SearchQuery.NotSeen : SearchQuery.NotDeleted;
        var started = clock.GetUtcNow();
        var renewed = started;
        var imported = 0;
        var batchSize = Math.Max(1, settings.BatchSize);
        while (true)
        {
            var uids = (await folder.SearchAsync(query, ct)).OrderBy(u => u.Id).Take(batchSize).ToList();
            foreach (var uid in uids)
            {
                byte[] raw;
                await using (var stream = await folder.GetStreamAsync(uid, string.Empty, ct))
                using (var buffer = new MemoryStream())
                {
                    await stream.CopyToAsync(buffer, ct);
                    raw = buffer.ToArray();
                }
                await ImportOrStopAsync(mailbox, raw, imported, ct);
                imported++;
                try
                {
                    switch (mailbox.AfterImport)
                    {
                        case AfterImport.Delete:
                            await folder.AddFlagsAsync(uid, MessageFlags.Deleted, silent: true, ct);
                            if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
                            {
                                await folder.ExpungeAsync([uid], ct);
                            }
                            break;
                        case AfterImport.Move:
                            await folder.MoveToAsync(uid, moveTo!, ct);
                            break;
                        default:
                            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
                            break;
                    }
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Imported but still in the folder: the next poll finds it again and ImportMail knows it.
                    throw new PollStopped(imported, $"A message was imported but could not be {Verb(mailbox.AfterImport)} on the server: {e.Message}");
                }
                if (clock.GetUtcNow() - renewed > Lease / 2)
                {
                    if (!await RenewAsync(mailbox.Id, ct))
                    {
                        throw new PollStopped(imported, "Another node took over this mailbox: this poll stopped.");
                    }
                    renewed = clock.GetUtcNow();
                }
            }
            if (mailbox.AfterImport == AfterImport.Delete && !client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
            {
                await folder.ExpungeAsync(ct);
            }
            if (uids.Count < batchSize || clock.GetUtcNow() - started > TimeSpan.FromSeconds(settings.MaxPollSeconds))
            {
                break;
            }
        }
        await client.DisconnectAsync(quit: true, ct);
        return imported;
    }

    private async Task<int> PollPop3Async(Mailbox mailbox, CancellationToken ct)
    {
        var settings = options.Value;
        using var client = await MailConnection.Pop3Async(mailbox, protection, ServerTimeout, ct);
        var count = Math.Min(await client.GetMessageCountAsync(ct), Math.Max(1, settings.BatchSize) * 10);
        var imported = 0;
        var renewed = clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            byte[] raw;
            await using (var stream = await client.GetStreamAsync(i, headersOnly: false, ct))
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, ct);
                raw = buffer.ToArray();
            }
            await ImportOrStopAsync(mailbox, raw, imported, ct);
            imported++;
            // POP3 deletes at QUIT: a crash before it leaves every message of this session, and the next poll finds them duplicates.
            await client.DeleteMessageAsync(i, ct);
            if (clock.GetUtcNow() - renewed > Lease / 2)
            {
                if (!await RenewAsync(mailbox.Id, ct))
                {
                    throw new PollStopped(imported, "Another node took over this mailbox: this poll stopped.");
                }
                renewed = clock.GetUtcNow();
            }
        }
        await client.DisconnectAsync(quit: true, ct);
        return imported;
    }

    private async Task ImportOrStopAsync(Mailbox mailbox, byte[] raw, int importedSoFar, CancellationToken ct)
    {
        try
        {
            await ImportAsync(mailbox.Id, raw, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The message stays on the server untouched and is tried again next poll.
            LogImportFailed(logger, mailbox.Id, e);
            throw new PollStopped(importedSoFar, $"A message could not be imported and stays on the server: {e.Message}");
        }
    }

    /// <summary>The folder imported mail is moved to, created when it does not exist yet.</summary>
    private static async Task<IMailFolder> FolderAsync(ImapClient client, string path, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(path, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(path, isMessageFolder: true, ct)
                ?? throw new InvalidOperationException($"The folder '{path}' could not be created.");
        }
    }

    private static string Verb(AfterImport after) => after switch
    {
        AfterImport.Delete => "deleted",
        AfterImport.Move => "moved",
        _ => "marked seen",
    };

    /// <summary>A poll that ended early on purpose, with what it had imported and why it stopped (kept as the mailbox's last error).</summary>
    private sealed class PollStopped(int imported, string message) : Exception(message)
    {
        public int Imported { get; } = imported;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox polling loop failed; retrying.")]
    private static partial void LogLoopFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling mailbox {Id} ({Address}) failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, int id, string address, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Id}: a message could not be imported; it stays on the server.")]
    private static partial void LogImportFailed(ILogger logger, int id, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Id}: the claim could not be released; it expires by itself.")]
    private static partial void LogReleaseFailed(ILogger logger, int id, Exception e);
}
