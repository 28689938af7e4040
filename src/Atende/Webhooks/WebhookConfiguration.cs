using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Webhooks;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> b)
    {
        b.Property(w => w.Name).HasMaxLength(Webhook.NameMaxLength);
        b.Property(w => w.Url).HasMaxLength(Webhook.UrlMaxLength);
        b.Property(w => w.ProtectedSecret).HasMaxLength(4000);
        b.Property(w => w.Events).HasMaxLength(1000);
        b.Ignore(w => w.EventList);
        b.HasIndex(w => w.Name);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(d => d.Url).HasMaxLength(Webhook.UrlMaxLength);
        b.Property(d => d.ProtectedSecret).HasMaxLength(4000);
        b.Property(d => d.Event).HasMaxLength(WebhookDelivery.EventMaxLength);
        b.Property(d => d.Body).HasMaxLength(WebhookDelivery.BodyMaxLength);
        b.Property(d => d.LockedBy).HasMaxLength(100);
        b.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        b.Ignore(d => d.State);
        // The sender's claim: due rows only (delivered and parked ones have no next attempt).
        b.HasIndex(d => d.NextAttemptAt);
        // Retention deletes finished deliveries by age.
        b.HasIndex(d => d.CreatedAt);
        // The delivery log of one webhook, newest first.
        b.HasIndex(d => new { d.WebhookId, d.Id });
        // The log of one rule's webhook calls (those have no webhook).
        b.HasIndex(d => new { d.RuleId, d.Id });
        b.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.ToTable("WebhookAttempts");
        b.Property(a => a.ResponseSnippet).HasMaxLength(WebhookDelivery.SnippetMaxLength);
        b.Property(a => a.Error).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        b.Ignore(a => a.Succeeded);
        b.HasIndex(a => new { a.DeliveryId, a.Id });
        b.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
