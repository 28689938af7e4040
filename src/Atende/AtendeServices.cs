using System.Reflection;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Search;
using Atende.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Atende;

/// <summary>Registers the application: database, identity stores, every use-case handler, background work.</summary>
public static class AtendeServices
{
    public static IServiceCollection AddAtende(this IServiceCollection services, IConfiguration configuration, string workingFolder)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Atende");
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString ??= $"Data Source={Path.Combine(configuration["Atende:DataFolder"] ?? Path.Combine(workingFolder, "data"), "atende.db")}";
            var folder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Atende is empty.");
        }

        if (provider == DatabaseProvider.Postgres)
        {
            connectionString = WithoutJit(connectionString!);
        }
        services.AddDbContextFactory<AtendeDb>(options =>
        {
            if (provider == DatabaseProvider.Postgres)
            {
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Atende.Migrations.Postgres"));
            }
            else
            {
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Atende.Migrations.Sqlite"))
                    .AddInterceptors(new SqliteBusyTimeout());
            }
        }, ServiceLifetime.Singleton);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AtendeDb>>().CreateDbContext());

        services.AddIdentityCore<UserAccount>(options =>
            {
                // Length beats composition rules (NIST SP 800-63B). Guessing is slowed by SignInThrottle,
                // which counts per email in the database for every node.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AtendeDb>()
            .AddDefaultTokenProviders();

        services.TryAddSingletonTimeProvider();
        services.Configure<AttachmentOptions>(configuration.GetSection("Atende:Attachments"));
        services.AddSingleton<IAttachmentStore>(sp =>
            sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.Folder is { Length: > 0 } folder
                ? new FolderAttachmentStore(folder)
                : new DatabaseAttachmentStore(sp.GetRequiredService<IDbContextFactory<AtendeDb>>()));
        services.AddScoped<ISearchEngine>(sp =>
            sp.GetRequiredService<AtendeDb>().IsPostgres
                ? new PostgresSearchEngine(sp.GetRequiredService<AtendeDb>())
                : new SqliteSearchEngine(sp.GetRequiredService<AtendeDb>()));

        // Use cases: every public class with a HandleAsync method, one per file, named with a verb.
        foreach (var type in typeof(AtendeServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } &&
                                 t.GetMethod("HandleAsync", BindingFlags.Public | BindingFlags.Instance) is not null))
        {
            services.AddScoped(type);
        }
        // Reports: each named report is one IReport, found the same way and run by Reporting.RunReport.
        foreach (var type in typeof(AtendeServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(Reporting.IReport))))
        {
            services.AddScoped(typeof(Reporting.IReport), type);
        }

        // Outbox handlers run in this order for each event: notifications are written before screens are told.
        // SLA first, so rules reacting to the same event see targets and due times already up to date.
        services.AddSingleton<IOutboxHandler, Sla.TrackSla>();
        services.AddSingleton<IOutboxHandler, Notifications.NotifyAgents>();
        services.AddSingleton<IOutboxHandler, Notifications.SendAgentDigest>();
        services.AddSingleton<Notifications.AgentMail>();
        // Rules after notifications: a rule's own changes are new events, notified in their turn.
        services.AddSingleton<IOutboxHandler, Automation.RunAutomationRules>();
        services.AddSingleton<IOutboxHandler, Surveys.OfferSatisfactionSurvey>();
        // Customer mail: acknowledgement of a new request and every public reply (the resolution mail is the survey's).
        services.AddSingleton<IOutboxHandler, Email.AcknowledgeNewTicket>();
        services.AddSingleton<IOutboxHandler, Email.EmailAgentReplies>();
        services.AddSingleton<IOutboxHandler, Webhooks.QueueTicketWebhooks>();
        services.AddSingleton<IOutboxHandler, Webhooks.QueueRequestedWebhook>();
        // Routing after the rules: a rule may move the ticket to another team or assign it itself.
        services.AddSingleton<IOutboxHandler, Agents.RouteTicket>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        // Durable ticket timers (SLA warnings and breaches, idle tickets...) become outbox events when due.
        services.AddSingleton<FireScheduledEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<FireScheduledEvents>());

        // Outgoing mail: account emails are queued with the change that causes them and sent by every node.
        services.AddScoped<AccountMails>();
        services.AddSingleton<Email.MailTokenSecret>();
        services.AddSingleton<Email.TicketMail>();
        services.Configure<Email.SmtpOptions>(configuration.GetSection("Atende:Smtp"));
        services.AddHostedService<Email.OutboundEmailDelivery>();
        // Incoming mail: every node polls, one mailbox at a time under a lease (Email/MailboxPoller).
        services.Configure<Email.MailboxPollingOptions>(configuration.GetSection("Atende:Mailboxes"));
        services.AddSingleton<Email.MailboxPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<Email.MailboxPoller>());

        // Webhooks: sent by every node, one claimed row at a time; redirects are not followed (a 3xx is a failure),
        // so a receiver cannot bounce the desk's signed request to another address.
        // Only public addresses are dialled (WebhookDestination), so an admin cannot aim the server at its own network.
        services.AddHttpClient(Webhooks.WebhookSender.HttpClientName, c => c.Timeout = Webhooks.WebhookSender.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = Webhooks.WebhookDestination.Connect(configuration.GetValue<bool>(Webhooks.WebhookDestination.AllowPrivateNetworksSetting)),
            });
        services.AddSingleton<Webhooks.WebhookSender>();
        // Bookkeeping tables (handled outbox events, webhook logs, rule firings...) are trimmed hourly.
        services.Configure<RetentionOptions>(configuration.GetSection("Atende:Retention"));
        services.AddSingleton<PurgeExpiredRecords>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeExpiredRecords>());
        services.AddHostedService(sp => sp.GetRequiredService<Webhooks.WebhookSender>());
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Brings the database to the current schema and fills what a fresh install needs.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, string? adminEmail, string? adminPassword, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        if (!db.IsPostgres)
        {
            // WAL lets readers work while one request writes; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Catalog.SeedDefaults>().HandleAsync(ct);
        await scope.ServiceProvider.GetRequiredService<EnsureFirstAdmin>().HandleAsync(adminEmail, adminPassword, ct);
    }

    /// <summary>
    /// PostgreSQL's JIT compiles a query when its estimated cost is high, which the report ranges over 100,000+ tickets
    /// reach: it spent ~130 ms compiling a query that then ran in 250 ms. The desk's queries are short, so it is off
    /// unless the connection string's Options say otherwise.
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"{builder.Options} -c jit=off";
        }
        return builder.ConnectionString;
    }
}
