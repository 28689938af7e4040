using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Atende.Email;

/// <summary>Runs <see cref="DeliverOutboundEmails"/> on every node. Without the desk's SMTP configured it sends only what mailboxes with their own SMTP account carry, and says now and then how much mail waits.</summary>
public sealed partial class OutboundEmailDelivery(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, ILogger<OutboundEmailDelivery> logger)
    : BackgroundService
{
    private static readonly TimeSpan UnconfiguredReport = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = options.Value;
        var lastReported = -1;
        var reportedAt = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Mailboxes with their own SMTP account send even when the desk has no Atende:Smtp.
                var sent = await scope.ServiceProvider.GetRequiredService<DeliverOutboundEmails>().HandleAsync(stoppingToken);
                if (!smtp.IsConfigured && DateTime.UtcNow - reportedAt > UnconfiguredReport)
                {
                    var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
                    var queued = await db.OutboundEmails.CountAsync(e => e.SentAt == null, stoppingToken);
                    if (queued != lastReported)
                    {
                        LogNotConfigured(logger, queued);
                        lastReported = queued;
                    }
                    reportedAt = DateTime.UtcNow;
                }
                if (sent == 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, smtp.PollSeconds)), stoppingToken);
                }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP is not configured (Atende:Smtp:Host): {Queued} outbound emails stay queued until it is.")]
    private static partial void LogNotConfigured(ILogger logger, int queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbound email delivery loop failed; retrying.")]
    private static partial void LogLoopFailed(ILogger logger, Exception e);
}
