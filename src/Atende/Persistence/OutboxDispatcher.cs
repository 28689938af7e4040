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
        foreach (var id in ids)
        {
            await RunAsync(id, ct);
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

    private async Task RunAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var message = await db.Outbox.FirstAsync(m => m.Id == id, ct);
        var done = await db.OutboxHandled.Where(h => h.MessageId == id).Select(h => h.Handler).ToListAsync(ct);
        try
        {
            foreach (var handler in handlers.Where(h => h.Handles(message.Type) && !done.Contains(h.Name)))
            {
                await using var handlerScope = scopes.CreateAsyncScope();
                var handlerDb = handlerScope.ServiceProvider.GetRequiredService<AtendeDb>();
                await using var transaction = await handlerDb.Database.BeginTransactionAsync(ct);
                await handler.HandleAsync(message, handlerDb, ct);
                handlerDb.OutboxHandled.Add(new OutboxHandled { MessageId = id, Handler = handler.Name, At = clock.GetUtcNow().UtcDateTime });
                await handlerDb.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            message.LockedBy = null;
            message.LockedUntil = null;
            message.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogHandlerFailed(logger, id, message.Type, message.Attempts, e);
            message.LastError = e.Message.Length > 4000 ? e.Message[..4000] : e.Message;
            message.LockedBy = null;
            message.LockedUntil = null;
            // Exponential backoff, capped at an hour; after the last attempt the message is parked.
            message.AvailableAt = message.Attempts >= MaxAttempts
                ? Parked
                : clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, message.Attempts) * 5));
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; retrying.")]
    private static partial void LogLoopFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type}) failed on attempt {Attempt}.")]
    private static partial void LogHandlerFailed(ILogger logger, long id, string type, int attempt, Exception e);
}
