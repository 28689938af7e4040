using Atende.Agents;
using Atende.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.KnowledgeBase;

internal sealed class KnowledgeCategoryConfiguration : IEntityTypeConfiguration<KnowledgeCategory>
{
    public void Configure(EntityTypeBuilder<KnowledgeCategory> b)
    {
        b.Property(c => c.Name).HasMaxLength(KnowledgeCategory.NameMaxLength);
        b.Property(c => c.Slug).HasMaxLength(ArticleSlug.MaxLength);
        b.Property(c => c.Description).HasMaxLength(KnowledgeCategory.DescriptionMaxLength);
        b.Property(c => c.PortugueseName).HasMaxLength(KnowledgeCategory.NameMaxLength);
        b.Property(c => c.PortugueseDescription).HasMaxLength(KnowledgeCategory.DescriptionMaxLength);
        // The help center home lists categories in order, children under their parent.
        b.HasIndex(c => new { c.ParentId, c.Position });
        b.HasOne<KnowledgeCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.Property(a => a.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
        b.Property(a => a.Slug).HasMaxLength(ArticleSlug.MaxLength);
        b.Property(a => a.Body).HasMaxLength(KnowledgeArticle.BodyMaxLength);
        b.Property(a => a.Language).HasMaxLength(8);
        b.Ignore(a => a.GroupId);
        // A category page: its published articles by title.
        b.HasIndex(a => new { a.CategoryId, a.Status, a.Title });
        // Finding the translations of an article.
        b.HasIndex(a => a.TranslationOfId);
        b.HasOne<KnowledgeCategory>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(a => a.TranslationOfId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Agent>().WithMany().HasForeignKey(a => a.AuthorAgentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class KnowledgeDeflectionConfiguration : IEntityTypeConfiguration<KnowledgeDeflection>
{
    public void Configure(EntityTypeBuilder<KnowledgeDeflection> b)
    {
        b.Property(d => d.Subject).HasMaxLength(KnowledgeDeflection.SubjectMaxLength);
        // Reports count deflections per article over a period.
        b.HasIndex(d => new { d.ArticleId, d.CreatedAt });
        b.HasIndex(d => d.CreatedAt);
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class KnowledgeArticleHourConfiguration : IEntityTypeConfiguration<KnowledgeArticleHour>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticleHour> b)
    {
        b.ToTable("KnowledgeArticleHours");
        // The upsert's conflict target: one row per article and hour.
        b.HasKey(h => new { h.ArticleId, h.HourStart });
        // The self-service report reads the hours of a period.
        b.HasIndex(h => h.HourStart);
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
