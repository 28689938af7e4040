using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Email;

internal sealed class ImportedMailConfiguration : IEntityTypeConfiguration<ImportedMail>
{
    public void Configure(EntityTypeBuilder<ImportedMail> b)
    {
        b.Property(m => m.Key).HasMaxLength(ImportedMail.KeyMaxLength);
        b.Property(m => m.MessageId).HasMaxLength(ImportedMail.KeyMaxLength);
        b.Property(m => m.RawSha256).HasMaxLength(64);
        b.Property(m => m.Note).HasMaxLength(500);
        b.Property(m => m.Result).HasConversion<string>().HasMaxLength(20);
        // The idempotency rule itself: a mail is imported once per mailbox, whichever node gets there first.
        b.HasIndex(m => new { m.MailboxId, m.Key }).IsUnique();
        // Threading: "is this In-Reply-To a mail we imported?"
        b.HasIndex(m => m.MessageId);
        // "Show original" of a message.
        b.HasIndex(m => m.AtendeMessageId);
        // Outgoing mail threads under the customer's own mails of its ticket.
        b.HasIndex(m => new { m.TicketId, m.Id });
        b.HasOne<Mailbox>().WithMany().HasForeignKey(m => m.MailboxId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(m => m.AtendeMessage).WithMany().HasForeignKey(m => m.AtendeMessageId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FailedMailConfiguration : IEntityTypeConfiguration<FailedMail>
{
    public void Configure(EntityTypeBuilder<FailedMail> b)
    {
        b.Property(m => m.Sha256).HasMaxLength(64);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.From).HasMaxLength(320);
        b.Property(m => m.Error).HasMaxLength(FailedMail.ErrorMaxLength);
        // The admin list: unresolved first per mailbox, newest first.
        b.HasIndex(m => new { m.MailboxId, m.ResolvedAt, m.FailedAt });
        b.HasIndex(m => new { m.ResolvedAt, m.FailedAt });
        b.HasOne<Mailbox>().WithMany().HasForeignKey(m => m.MailboxId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.SetNull);
    }
}
