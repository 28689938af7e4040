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
        b.Property(e => e.ReplyTo).HasMaxLength(320);
        b.Property(e => e.HeaderMessageId).HasMaxLength(300);
        b.Property(e => e.InReplyTo).HasMaxLength(1000);
        b.Property(e => e.References).HasMaxLength(8000);
        // The ticket page and the thread headers: a ticket's mail, newest first; a reply's deliveries.
        b.HasIndex(e => new { e.TicketId, e.Id });
        b.HasIndex(e => e.TicketMessageId);
    }
}
