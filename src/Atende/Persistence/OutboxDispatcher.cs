using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Atende.Persistence;

/// <summary>
/// Claims due outbox rows with a lease and runs every handler that wants them. Safe with several nodes:
/// on PostgreSQL claims use FOR UPDATE SKIP LOCKED, on SQLite the single writer lock does the same job;
/// a node that dies mid-way loses its lease and another node retries. Handlers already done are skipped.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboxHandler> handlers,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 10;
    private const int ConflictAttempts = 5;
    private const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    /// <summary>Where a message that kept failing is parked, out of the claim query, for an admin to look at.</summary>
    public static readonly DateTime Parked = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _node = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var processed = await DispatchOnceAsync(stoppingToken);
                if (processed == 0)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>One claim-and-run round; returns how many messages it handled. Tests call it directly.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var ids = await ClaimAsync(ct);
        if (ids.Count > 0)
        {
            await RunAsync(ids, ct);
        }
        return ids.Count;
    }

    private async Task<List<long>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var node = _node;
        return db.IsPostgres
            ? await db.Database.SqlQuery<long>($"""
                UPDATE "Outbox" SET "LockedBy" = {node}, "LockedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "Outbox"
                               WHERE "ProcessedAt" IS NULL AND "AvailableAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                UPDATE "Outbox" SET "LockedBy" = {node}, "LockedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "Outbox"
                               WHERE "ProcessedAt" IS NULL AND "AvailableAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "Id" LIMIT {BatchSize})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
    }

    /// <summary>
    /// Runs a claimed batch in ONE transaction: a commit per batch instead of one per handler per message is what lets
    /// one node keep up with a busy desk. Each handler runs behind a savepoint, so one that fails is rolled back alone
    /// (its message retried later) while the others' work and their "done" records commit.
    /// </summary>
    private async Task RunAsync(List<long> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var messages = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
        var done = (await db.OutboxHandled.AsNoTracking().Where(h => ids.Contains(h.MessageId)).ToListAsync(ct))
            .ToLookup(h => h.MessageId, h => h.Handler);
        var wroteEvents = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var message in messages)
            {
                Exception? failure = null;
                foreach (var handler in handlers.Where(h => h.Handles(message.Type) && !done[message.Id].Contains(h.Name)))
                {
                    failure = await RunHandlerAsync(handler, message, db, transaction, ct);
                    if (failure is not null)
                    {
                        break;
                    }
                    // Outbox rows are only ever tracked here when the handler's save wrote new events.
                    wroteEvents |= db.ChangeTracker.Entries<OutboxMessage>().Any();
                    db.ChangeTracker.Clear();
                }
                await FinishAsync(db, message, failure, ct);
            }
            await transaction.CommitAsync(ct);
        }
        if (wroteEvents)
        {
            // Events written by handlers (a rule's changes) are due now; do not wait for the next poll.
            signal.Notify();
        }
    }

    /// <summary>
    /// One handler behind a savepoint. Someone else saving the same ticket in between (its version moved) is not a
    /// failure: the step is undone and run again on fresh data at once, instead of waiting out a backoff.
    /// Returns the error that made it give up, or null when it is done (and recorded as done).
    /// </summary>
    private async Task<Exception?> RunHandlerAsync(IOutboxHandler handler, OutboxMessage message, AtendeDb db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await transaction.CreateSavepointAsync("handler", ct);
            try
            {
                await handler.HandleAsync(message, db, ct);
                db.OutboxHandled.Add(new OutboxHandled { MessageId = message.Id, Handler = handler.Name, At = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictAttempts)
            {
                await transaction.RollbackToSavepointAsync("handler", ct);
                // Each attempt starts from the database, never from the rolled-back entities.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 20 * attempt), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync("handler", ct);
                db.ChangeTracker.Clear();
                return e;
            }
        }
    }

    private async Task FinishAsync(AtendeDb db, OutboxMessage message, Exception? failure, CancellationToken ct)
    {
        var id = message.Id;
        if (failure is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, (string?)null), ct);
            return;
        }
        LogHandlerFailed(logger, id, message.Type, message.Attempts, failure);
        var error = failure.Message.Length > 4000 ? failure.Message[..4000] : failure.Message;
        // Exponential backoff, capped at an hour; after the last attempt the message is parked.
        var availableAt = message.Attempts >= MaxAttempts
            ? Parked
            : clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, message.Attempts) * 5));
        await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)
            .SetProperty(m => m.AvailableAt, availableAt), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; retrying.")]
    private static partial void LogLoopFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type}) failed on attempt {Attempt}.")]
    private static partial void LogHandlerFailed(ILogger logger, long id, string type, int attempt, Exception e);
}
