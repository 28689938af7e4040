using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Atende.Webhooks;

/// <summary>
/// Sends due <see cref="WebhookDelivery"/> rows on every node. A row is claimed with a lease (FOR UPDATE SKIP LOCKED
/// on PostgreSQL; SQLite's single writer does the same), so two nodes never send the same try; a node that dies
/// mid-send loses its lease and the row is tried again (receivers dedupe on X-Atende-Delivery).
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IDataProtectionProvider protection,
    TimeProvider clock,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "Atende.Webhooks";
    public const string SignatureHeader = "X-Atende-Signature";
    public const string EventHeader = "X-Atende-Event";
    public const string DeliveryHeader = "X-Atende-Delivery";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const int BatchSize = 10;
    // Longer than the HTTP timeout, so a slow receiver cannot make a second node send the same try.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly string _node = WebhookDelivery.Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    /// <summary>"sha256=" and the lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the secret's UTF-8 bytes.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DeliverOnceAsync(stoppingToken) == 0)
                {
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

    /// <summary>One claim-and-send round; returns how many deliveries it tried. Tests call it directly.</summary>
    public async Task<int> DeliverOnceAsync(CancellationToken ct)
    {
        var ids = await ClaimAsync(ct);
        await Task.WhenAll(ids.Select(id => SendAsync(id, ct)));
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
                UPDATE "WebhookDeliveries" SET "LockedBy" = {node}, "LockedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "WebhookDeliveries"
                               WHERE "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "NextAttemptAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                UPDATE "WebhookDeliveries" SET "LockedBy" = {node}, "LockedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "WebhookDeliveries"
                               WHERE "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "NextAttemptAt" LIMIT {BatchSize})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
    }

    private async Task SendAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == id, ct);
        // A subscription signs with its current secret (it may have been rotated since the row was queued).
        var protectedSecret = delivery.WebhookId is { } webhookId
            ? await db.Webhooks.Where(w => w.Id == webhookId).Select(w => w.ProtectedSecret).FirstOrDefaultAsync(ct)
            : delivery.ProtectedSecret;

        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? snippet = null;
        string? error = null;
        try
        {
            var body = Encoding.UTF8.GetBytes(delivery.Body);
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(EventHeader, delivery.Event);
            request.Headers.Add(DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (protectedSecret is not null)
            {
                // Unprotected only here, for the moment of signing; it never lands in a log or a row.
                request.Headers.Add(SignatureHeader, Sign(WebhookRequest.UnprotectSecret(protection, protectedSecret), body));
            }
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            snippet = await ReadSnippetAsync(response, ct);
            if (!response.IsSuccessStatusCode)
            {
                error = $"HTTP {status}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or CryptographicException
                                      && !ct.IsCancellationRequested)
        {
            error = e is TaskCanceledException ? $"Timed out after {Timeout.TotalSeconds:0} s." : e.Message;
        }
        watch.Stop();

        var now = clock.GetUtcNow().UtcDateTime;
        db.WebhookAttempts.Add(new WebhookAttempt(delivery.Id, started, (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds), status, snippet, error));
        if (error is null)
        {
            delivery.Succeeded(status!.Value, now);
        }
        else
        {
            delivery.AttemptFailed(status, error, now);
            LogAttemptFailed(logger, delivery.Id, delivery.Attempts, error);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // Only the start is kept: a receiver answering with a page of HTML must not fill the database.
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[WebhookDelivery.SnippetMaxLength];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery loop failed; retrying.")]
    private static partial void LogLoopFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id} failed on attempt {Attempt}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, long id, int attempt, string error);
}
