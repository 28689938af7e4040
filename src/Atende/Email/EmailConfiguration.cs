using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Email;

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.To).HasMaxLength(320);
        b.Property(e => e.ToName).HasMaxLength(200);
        b.Property(e => e.Language).HasMaxLength(10);
        b.Property(e => e.Subject).HasMaxLength(500);
        // The sender's question: what is unsent and due, oldest first.
        b.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}
