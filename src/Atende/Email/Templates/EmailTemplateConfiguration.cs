using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Email.Templates;

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> b)
    {
        b.Property(t => t.Key).HasMaxLength(60);
        b.Property(t => t.Language).HasMaxLength(10);
        b.Property(t => t.Subject).HasMaxLength(EmailTemplate.MaxSubjectLength);
        b.Property(t => t.Body).HasMaxLength(EmailTemplate.MaxBodyLength);
        // One override per template and language; rendering looks it up by both.
        b.HasIndex(t => new { t.Key, t.Language }).IsUnique();
    }
}
