using System.Text.Json;
using Atende.Accounts;
using Atende.Agents;
using Atende.Catalog;
using Atende.Customers;
using Atende.Search;
using Atende.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Atende.Persistence;

/// <summary>
/// The one DbContext. Saving a ticket change also writes, in the same transaction, its search documents and
/// its outbox events — so no handler can forget either.
/// </summary>
public sealed class AtendeDb(DbContextOptions<AtendeDb> options)
    : IdentityUserContext<UserAccount, int>(options), IDataProtectionKeyContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<SignInPolicy> SignInPolicies => Set<SignInPolicy>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationDomain> OrganizationDomains => Set<OrganizationDomain>();
    public DbSet<TicketStatus> Statuses => Set<TicketStatus>();
    public DbSet<RequestType> RequestTypes => Set<RequestType>();
    public DbSet<FormField> FormFields => Set<FormField>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<TicketHistoryEntry> TicketHistory => Set<TicketHistoryEntry>();
    public DbSet<TicketLink> TicketLinks => Set<TicketLink>();
    public DbSet<TicketWatcher> TicketWatchers => Set<TicketWatcher>();
    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();
    public DbSet<TicketTimer> TicketTimers => Set<TicketTimer>();
    public DbSet<Replies.CannedResponse> CannedResponses => Set<Replies.CannedResponse>();
    public DbSet<Views.SavedView> SavedViews => Set<Views.SavedView>();
    public DbSet<Dashboards.Dashboard> Dashboards => Set<Dashboards.Dashboard>();
    public DbSet<Dashboards.DashboardWidget> DashboardWidgets => Set<Dashboards.DashboardWidget>();
    public DbSet<Dashboards.DashboardHome> DashboardHomes => Set<Dashboards.DashboardHome>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<KnowledgeBase.KnowledgeCategory> KnowledgeCategories => Set<KnowledgeBase.KnowledgeCategory>();
    public DbSet<KnowledgeBase.KnowledgeArticle> KnowledgeArticles => Set<KnowledgeBase.KnowledgeArticle>();
    public DbSet<KnowledgeBase.KnowledgeDeflection> KnowledgeDeflections => Set<KnowledgeBase.KnowledgeDeflection>();
    public DbSet<KnowledgeBase.KnowledgeArticleHour> KnowledgeArticleHours => Set<KnowledgeBase.KnowledgeArticleHour>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.NotificationPreferences> NotificationPreferences => Set<Notifications.NotificationPreferences>();
    public DbSet<Notifications.DigestItem> DigestItems => Set<Notifications.DigestItem>();
    public DbSet<Surveys.SatisfactionRating> SatisfactionRatings => Set<Surveys.SatisfactionRating>();
    public DbSet<Portal.PortalSettings> PortalSettings => Set<Portal.PortalSettings>();
    public DbSet<Email.OutboundEmail> OutboundEmails => Set<Email.OutboundEmail>();
    public DbSet<Email.Mailbox> Mailboxes => Set<Email.Mailbox>();
    public DbSet<Email.DeskSecret> DeskSecrets => Set<Email.DeskSecret>();
    public DbSet<Email.ImportedMail> ImportedMails => Set<Email.ImportedMail>();
    public DbSet<Email.FailedMail> FailedMails => Set<Email.FailedMail>();
    public DbSet<Email.Templates.EmailTemplate> EmailTemplates => Set<Email.Templates.EmailTemplate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxHandled> OutboxHandled => Set<OutboxHandled>();
    public DbSet<ScheduledEvent> ScheduledEvents => Set<ScheduledEvent>();
    public DbSet<Webhooks.Webhook> Webhooks => Set<Webhooks.Webhook>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();
    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();
    public DbSet<Macros.Macro> Macros => Set<Macros.Macro>();
    public DbSet<Sla.BusinessHours> BusinessHours => Set<Sla.BusinessHours>();
    public DbSet<Sla.Holiday> Holidays => Set<Sla.Holiday>();
    public DbSet<Sla.SlaPolicy> SlaPolicies => Set<Sla.SlaPolicy>();
    public DbSet<Sla.SlaTarget> SlaTargets => Set<Sla.SlaTarget>();
    public DbSet<Automation.AutomationRule> AutomationRules => Set<Automation.AutomationRule>();
    public DbSet<Automation.RuleFiring> RuleFirings => Set<Automation.RuleFiring>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTimes back as Unspecified; every DateTime in Atende is UTC (ARCHITECTURE convention 4).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AtendeDb).Assembly);

        if (IsPostgres)
        {
            builder.Entity<SearchDocument>()
                .Property<NpgsqlTypes.NpgsqlTsVector>(PostgresSearchEngine.VectorColumn)
                .HasComputedColumnSql(PostgresSearchEngine.VectorSql, stored: true);
            builder.Entity<SearchDocument>()
                .HasIndex(PostgresSearchEngine.VectorColumn)
                .HasMethod("GIN");
        }
    }

    /// <summary>
    /// Runs a read-change-save step again when another request changed the same ticket in between (the
    /// version check failed). Appending a reply or a time entry must not fail because a colleague was faster;
    /// the step re-reads and re-applies on fresh data.
    /// </summary>
    public const int MaxConflictAttempts = 12;

    public async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConflictAttempts)
            {
                // Each round one writer wins; random, growing pauses keep the losers from colliding again in step.
                ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, Math.Min(500, 10 << attempt)));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var tickets = ChangeTracker.Entries<Ticket>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || e.Entity.HasPendingEvents)
            .Select(e => (e.Entity, Reindex: e.Entity.SearchTextChanged))
            .ToList();
        var messages = ChangeTracker.Entries<Message>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var customers = ChangeTracker.Entries<Customer>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && (IsModified(e, nameof(Customer.Name)) || IsModified(e, nameof(Customer.Email)))))
            .Select(e => (e.Entity, e.State == EntityState.Added))
            .ToList();

        if (tickets.Count == 0 && messages.Count == 0 && customers.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Ids are needed for the documents and events, so save twice inside one transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await IndexAsync(tickets.Where(t => t.Reindex).Select(t => t.Entity).ToList(), messages, customers, cancellationToken);
            foreach (var (ticket, _) in tickets)
            {
                foreach (var ev in ticket.TakeEvents())
                {
                    Outbox.Add(new OutboxMessage
                    {
                        Type = ev.Type,
                        Payload = JsonSerializer.Serialize(ev),
                        CreatedAt = ev.At,
                        AvailableAt = ev.At,
                    });
                }
            }
            count += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?
                    .ApplicationServiceProvider?.GetService<OutboxSignal>()?.Notify();
            }
            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task IndexAsync(
        List<Ticket> tickets, List<Message> messages, List<(Customer Customer, bool Added)> customers, CancellationToken ct)
    {
        if (tickets.Count > 0)
        {
            var ids = tickets.Select(t => t.Id).ToList();
            var existing = await SearchDocuments
                .Where(d => d.Kind == SearchDocumentKind.Ticket && d.TicketId != null && ids.Contains(d.TicketId.Value))
                .ToDictionaryAsync(d => d.TicketId!.Value, ct);
            foreach (var ticket in tickets)
            {
                var text = SearchText.ForTicket(ticket.Subject, ticket.FieldsJson);
                if (existing.TryGetValue(ticket.Id, out var doc))
                {
                    doc.Text = text;
                }
                else
                {
                    SearchDocuments.Add(new SearchDocument { Kind = SearchDocumentKind.Ticket, TicketId = ticket.Id, Visibility = Visibility.Public, Text = text });
                }
            }
        }
        foreach (var message in messages)
        {
            SearchDocuments.Add(new SearchDocument
            {
                Kind = SearchDocumentKind.Message,
                TicketId = message.TicketId,
                MessageId = message.Id,
                Visibility = message.Visibility,
                Text = SearchText.Fold(message.Body),
            });
        }
        foreach (var (customer, added) in customers)
        {
            var text = SearchText.ForCustomer(customer.Name, customer.Email);
            var doc = added ? null : await SearchDocuments.FirstOrDefaultAsync(d => d.Kind == SearchDocumentKind.Customer && d.CustomerId == customer.Id, ct);
            if (doc is null)
            {
                SearchDocuments.Add(new SearchDocument { Kind = SearchDocumentKind.Customer, CustomerId = customer.Id, Visibility = Visibility.Internal, Text = text });
            }
            else
            {
                doc.Text = text;
            }
        }
    }

    private static bool IsModified(EntityEntry entry, string property) => entry.Property(property).IsModified;
}

internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
