using System.Text.Json;
using Atende.Notifications;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Atende.Persistence;

/// <summary>
/// The scheduler: turns due <see cref="ScheduledEvent"/>s into outbox <see cref="TicketEvent"/>s. Each node claims
/// due rows with a lease (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite's single writer serializes claims), then per
/// row, in ONE transaction, deletes the row — only if it is still this node's claim — and writes the event. So a
/// timer fires exactly once however many nodes run, survives restarts (it is a row), and a row rescheduled after
/// the claim (which frees the claim) is left for its new time.
/// Agents' daily digests are timers of the same kind, kept on their <see cref="NotificationPreferences"/> row
/// (per agent, not per ticket): claimed the same way, and fired by moving the row to the next day and writing an
/// <see cref="AgentDigestDue"/> event in one transaction.
/// </summary>
public sealed partial class FireScheduledEvents(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<FireScheduledEvents> logger) : BackgroundService
{
    private const int BatchSize = 50;
    /// <summary>A node that dies holding a claim delays those events by this much, no more.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    /// <summary>Polling often enough that an event fires well within a minute of its due time.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}" is var n && n.Length > 100 ? n[..100] : n;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be due: go again at once.
                if (await FireOnceAsync(stoppingToken) < BatchSize)
                {
                    // Real time, not the TimeProvider: the wake-up cadence is about the machine, due times about the clock.
                    await Task.Delay(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>One claim-and-fire round; returns how many events it wrote to the outbox. Tests call it directly.</summary>
    public async Task<int> FireOnceAsync(CancellationToken ct)
    {
        var ids = await ClaimAsync(ct);
        var digests = await ClaimDigestsAsync(ct);
        var fired = 0;
        foreach (var id in ids)
        {
            try
            {
                if (await FireAsync(id, ct))
                {
                    fired++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The lease runs out and a later round (here or on another node) tries again.
                LogFireFailed(logger, id, e);
            }
        }
        foreach (var agentId in digests)
        {
            try
            {
                if (await FireDigestAsync(agentId, ct))
                {
                    fired++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogDigestFailed(logger, agentId, e);
            }
        }
        if (fired > 0)
        {
            signal.Notify();
        }
        return Math.Max(ids.Count, digests.Count);
    }

    private async Task<List<int>> ClaimDigestsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var node = _node;
        return db.IsPostgres
            ? await db.Database.SqlQuery<int>($"""
                UPDATE "NotificationPreferences" SET "DigestLockedBy" = {node}, "DigestLockedUntil" = {until}
                WHERE "AgentId" IN (SELECT "AgentId" FROM "NotificationPreferences"
                                    WHERE "DigestDueAt" <= {now} AND ("DigestLockedUntil" IS NULL OR "DigestLockedUntil" < {now})
                                    ORDER BY "DigestDueAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING "AgentId" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"""
                UPDATE "NotificationPreferences" SET "DigestLockedBy" = {node}, "DigestLockedUntil" = {until}
                WHERE "AgentId" IN (SELECT "AgentId" FROM "NotificationPreferences"
                                    WHERE "DigestDueAt" <= {now} AND ("DigestLockedUntil" IS NULL OR "DigestLockedUntil" < {now})
                                    ORDER BY "DigestDueAt" LIMIT {BatchSize})
                RETURNING "AgentId" AS "Value"
                """).ToListAsync(ct);
    }

    /// <summary>
    /// Moves the agent's digest timer to the next 08:00 where they are and writes the digest event, in one
    /// transaction and only while the claim is still this node's (changing preferences frees it). An agent who moved
    /// to a zone where 08:00 has not come yet is only rescheduled; one whose 08:00 has passed gets it now.
    /// </summary>
    private async Task<bool> FireDigestAsync(int agentId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.AgentId == agentId && p.DigestLockedBy == _node && p.DigestDueAt != null)
            .Select(p => new { p.DigestDueAt, p.DigestTimeZone, p.LastDigestAt })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }
        var zoneId = await db.Agents.Where(a => a.Id == agentId).Join(db.Users, a => a.AccountId, u => u.Id, (a, u) => u.TimeZone).FirstOrDefaultAsync(ct);
        var zone = NotificationPreferences.Zone(zoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        var node = _node;
        if (zone.Id != row.DigestTimeZone)
        {
            var moved = NotificationPreferences.NextDigestAfter(row.LastDigestAt ?? row.DigestDueAt!.Value.AddDays(-1), zone);
            if (moved > now)
            {
                await db.NotificationPreferences.Where(p => p.AgentId == agentId && p.DigestLockedBy == node).ExecuteUpdateAsync(u => u
                    .SetProperty(p => p.DigestDueAt, moved)
                    .SetProperty(p => p.DigestTimeZone, zone.Id)
                    .SetProperty(p => p.DigestLockedBy, (string?)null)
                    .SetProperty(p => p.DigestLockedUntil, (DateTime?)null), ct);
                await transaction.CommitAsync(ct);
                return false;
            }
        }
        // After a long outage: one digest now, then the next 08:00, not one per missed day.
        var next = NotificationPreferences.NextDigestAfter(now > row.DigestDueAt!.Value ? now : row.DigestDueAt.Value, zone);
        var updated = await db.NotificationPreferences.Where(p => p.AgentId == agentId && p.DigestLockedBy == node).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.DigestDueAt, next)
            .SetProperty(p => p.DigestTimeZone, zone.Id)
            .SetProperty(p => p.LastDigestAt, now)
            .SetProperty(p => p.DigestLockedBy, (string?)null)
            .SetProperty(p => p.DigestLockedUntil, (DateTime?)null), ct);
        if (updated != 1)
        {
            return false;
        }
        db.Outbox.Add(new OutboxMessage
        {
            Type = AgentDigestDue.Type,
            Payload = JsonSerializer.Serialize(new AgentDigestDue(agentId, now), DigestJson),
            CreatedAt = now,
            AvailableAt = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static readonly JsonSerializerOptions DigestJson = new(JsonSerializerDefaults.Web);

    private async Task<List<long>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var node = _node;
        return db.IsPostgres
            ? await db.Database.SqlQuery<long>($"""
                UPDATE "ScheduledEvents" SET "LockedBy" = {node}, "LockedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "ScheduledEvents"
                               WHERE "DueAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "DueAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                UPDATE "ScheduledEvents" SET "LockedBy" = {node}, "LockedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "ScheduledEvents"
                               WHERE "DueAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "DueAt" LIMIT {BatchSize})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
    }

    private async Task<bool> FireAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ScheduledEvents.AsNoTracking()
            .Where(e => e.Id == id && e.LockedBy == _node)
            .Select(e => new { e.Type, e.TicketId, e.Key })
            .FirstOrDefaultAsync(ct);
        // The delete is the claim's proof: 0 rows means it was rescheduled (claim freed) or fired elsewhere after a lapsed lease.
        if (row is null || await db.ScheduledEvents.Where(e => e.Id == id && e.LockedBy == _node).ExecuteDeleteAsync(ct) != 1)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = new TicketEvent(row.Type, row.TicketId, null, null, [row.Key], null, now);
        db.Outbox.Add(new OutboxMessage { Type = ev.Type, Payload = JsonSerializer.Serialize(ev), CreatedAt = now, AvailableAt = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler loop failed; retrying.")]
    private static partial void LogLoopFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The digest of agent {AgentId} could not fire; it will be retried when its lease ends.")]
    private static partial void LogDigestFailed(ILogger logger, int agentId, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled event {Id} could not fire; it will be retried when its lease ends.")]
    private static partial void LogFireFailed(ILogger logger, long id, Exception e);
}
