using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Email;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.Property(m => m.Name).HasMaxLength(Mailbox.NameMaxLength);
        b.Property(m => m.Address).HasMaxLength(Mailbox.AddressMaxLength);
        b.Property(m => m.InboundProtocol).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.InboundHost).HasMaxLength(Mailbox.HostMaxLength);
        b.Property(m => m.InboundSecurity).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.InboundUsername).HasMaxLength(Mailbox.UsernameMaxLength);
        b.Property(m => m.ProtectedInboundPassword).HasMaxLength(4000);
        b.Property(m => m.Folder).HasMaxLength(Mailbox.FolderMaxLength);
        b.Property(m => m.AfterImport).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.MoveTo).HasMaxLength(Mailbox.FolderMaxLength);
        b.Property(m => m.OutboundHost).HasMaxLength(Mailbox.HostMaxLength);
        b.Property(m => m.OutboundSecurity).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.OutboundUsername).HasMaxLength(Mailbox.UsernameMaxLength);
        b.Property(m => m.ProtectedOutboundPassword).HasMaxLength(4000);
        b.Property(m => m.RequestTypeKey).HasMaxLength(100);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(2000);
        // Mail to an address is threaded by that address: two mailboxes cannot share one.
        b.HasIndex(m => m.Address).IsUnique();
        b.HasOne<Agents.Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DeskSecretConfiguration : IEntityTypeConfiguration<DeskSecret>
{
    public void Configure(EntityTypeBuilder<DeskSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.ProtectedValue).HasMaxLength(4000);
    }
}
