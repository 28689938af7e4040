using Atende.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Persistence;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Type).HasMaxLength(100);
        b.Property(m => m.LockedBy).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(4000);
        // The claim query: unprocessed rows that are due, oldest first.
        b.HasIndex(m => new { m.ProcessedAt, m.AvailableAt, m.Id });
    }
}

internal sealed class OutboxHandledConfiguration : IEntityTypeConfiguration<OutboxHandled>
{
    public void Configure(EntityTypeBuilder<OutboxHandled> b)
    {
        b.HasKey(h => new { h.MessageId, h.Handler });
        b.Property(h => h.Handler).HasMaxLength(200);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.Endpoint).HasMaxLength(300);
        b.Property(r => r.Location).HasMaxLength(500);
        b.HasIndex(r => new { r.AccountId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.HasIndex(d => new { d.TicketId, d.Kind });
        b.HasIndex(d => d.CustomerId);
        b.HasIndex(d => d.KnowledgeArticleId);
        b.Property(d => d.Title).HasMaxLength(KnowledgeBase.KnowledgeArticle.TitleMaxLength);
    }
}
