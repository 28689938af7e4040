using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Atende.Persistence;

/// <summary>How long bookkeeping rows are kept (<c>Atende:Retention</c>); 0 keeps them forever.</summary>
public sealed class RetentionOptions
{
    /// <summary>Handled outbox events (and which handlers ran them). Unhandled ones are never purged.</summary>
    public int OutboxDays { get; set; } = 7;

    /// <summary>Delivered or failed webhook deliveries with their attempts; queued ones stay.</summary>
    public int WebhookDeliveryDays { get; set; } = 30;

    /// <summary>The "recent firings" log of automation rules.</summary>
    public int RuleFiringDays { get; set; } = 30;

    /// <summary>Idempotency keys: a retry with the same key within this many days gets the first answer.</summary>
    public int IdempotencyDays { get; set; } = 7;

    /// <summary>Emails already sent (unsent ones stay, whatever their age).</summary>
    public int SentEmailDays { get; set; } = 30;
}

/// <summary>
/// Keeps the desk's bookkeeping tables from growing forever: every hour, each node deletes what is past its retention,
/// in chunks of <see cref="Chunk"/> rows so no delete holds locks for long. Running on several nodes at once is
/// harmless (a row deleted twice is deleted once). Tickets, messages and history are never touched here.
/// </summary>
public sealed partial class PurgeExpiredRecords(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<PurgeExpiredRecords> logger)
    : BackgroundService
{
    public const int Chunk = 1000;
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not at start-up: starting nodes have better things to do. Waits are real time (a test's fake clock
        // never triggers a pass by itself); what counts as expired follows the clock.
        await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await PurgeOnceAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
            await Task.Delay(Every, stoppingToken);
        }
    }

    /// <summary>One pass over every table; returns how many rows went.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        var retention = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime Before(int days) => now.AddDays(-days);
        var purged = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();

        if (retention.OutboxDays > 0)
        {
            var cutoff = Before(retention.OutboxDays);
            while (true)
            {
                var ids = await db.Outbox.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff)
                    .OrderBy(m => m.ProcessedAt).Select(m => m.Id).Take(Chunk).ToListAsync(ct);
                if (ids.Count == 0)
                {
                    break;
                }
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.OutboxHandled.Where(h => ids.Contains(h.MessageId)).ExecuteDeleteAsync(ct);
                purged += await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }
        if (retention.WebhookDeliveryDays > 0)
        {
            var cutoff = Before(retention.WebhookDeliveryDays);
            // Attempts go with their delivery (ON DELETE CASCADE).
            purged += await InChunksAsync(() => db.WebhookDeliveries
                .Where(d => d.CreatedAt < cutoff && (d.DeliveredAt != null || d.FailedAt != null))
                .OrderBy(d => d.CreatedAt).Take(Chunk).ExecuteDeleteAsync(ct));
        }
        if (retention.RuleFiringDays > 0)
        {
            var cutoff = Before(retention.RuleFiringDays);
            purged += await InChunksAsync(() => db.RuleFirings.Where(f => f.At < cutoff).OrderBy(f => f.At).Take(Chunk).ExecuteDeleteAsync(ct));
        }
        if (retention.IdempotencyDays > 0)
        {
            var cutoff = Before(retention.IdempotencyDays);
            purged += await InChunksAsync(() => db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).OrderBy(r => r.CreatedAt).Take(Chunk).ExecuteDeleteAsync(ct));
        }
        if (retention.SentEmailDays > 0)
        {
            var cutoff = Before(retention.SentEmailDays);
            purged += await InChunksAsync(() => db.OutboundEmails.Where(e => e.SentAt != null && e.SentAt < cutoff).OrderBy(e => e.SentAt).Take(Chunk).ExecuteDeleteAsync(ct));
        }
        return purged;
    }

    private static async Task<int> InChunksAsync(Func<Task<int>> deleteChunk)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteChunk();
            total += deleted;
        }
        while (deleted == Chunk);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} expired bookkeeping rows deleted.")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed; it runs again in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
