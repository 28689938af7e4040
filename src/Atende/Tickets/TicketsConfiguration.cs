using Atende.Accounts;
using Atende.Agents;
using Atende.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Subject).HasMaxLength(250);
        b.Property(t => t.FieldsJson).HasMaxLength(200_000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.ETag);
        b.HasOne(t => t.Status).WithMany().HasForeignKey(t => t.StatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.RequestType).WithMany().HasForeignKey(t => t.RequestTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Requester).WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Organization).WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Email.Mailbox>().WithMany().HasForeignKey(t => t.MailboxId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Ticket>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.History).WithOne().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Watchers).WithOne().HasForeignKey(w => w.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Participants).WithOne().HasForeignKey(p => p.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.TimeEntries).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);

        // Queue shapes: every list is "some filter, newest activity first", paged by (UpdatedAt, Id).
        b.HasIndex(t => new { t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.StatusCategory, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.StatusCategory, t.UpdatedAt });
        b.HasIndex(t => new { t.TeamId, t.StatusCategory, t.UpdatedAt });
        b.HasIndex(t => new { t.RequesterId, t.UpdatedAt });
        b.HasIndex(t => new { t.OrganizationId, t.UpdatedAt });
        b.HasIndex(t => new { t.StatusId, t.UpdatedAt });
        b.HasIndex(t => new { t.CreatedAt, t.Id });
        b.HasIndex(t => new { t.DueAt, t.Id });
        // Built-in queues count up to 1,000 rows each on every refresh: "overdue" and "due today" seek the active
        // categories by due time, "recently solved" the done ones by resolution time, without touching ticket rows.
        b.HasIndex(t => new { t.StatusCategory, t.DueAt });
        b.HasIndex(t => new { t.StatusCategory, t.ResolvedAt });
        b.HasIndex(t => new { t.Priority, t.UpdatedAt });
        // The "priority" sort walks this backwards and stops after a page, instead of sorting every open ticket.
        b.HasIndex(t => new { t.Priority, t.Id });
        b.HasIndex(t => t.RequestTypeId);
        b.HasIndex(t => t.MergedIntoId);
        // Reports: the tickets first responded in a period (response-times, agents). Every ticket gets a first reply once, so
        // unlike ResolvedAt no category test is needed to make the range selective.
        b.HasIndex(t => t.FirstRespondedAt);
    }
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> b)
    {
        b.HasKey(t => new { t.TicketId, t.TagId });
        b.HasIndex(t => new { t.TagId, t.TicketId });
        b.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.HasIndex(m => new { m.TicketId, m.CreatedAt });
        // The agents report: replies written in a period, by author.
        b.HasIndex(m => new { m.CreatedAt, m.AuthorAgentId });
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agent>().WithMany().HasForeignKey(m => m.AuthorAgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(m => m.AuthorCustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(127);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasIndex(a => a.Sha256);
        b.HasIndex(a => a.MessageId);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.UploadedByAccountId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.HasKey(c => c.Sha256);
        b.Property(c => c.Sha256).HasMaxLength(64);
    }
}

internal sealed class TicketHistoryEntryConfiguration : IEntityTypeConfiguration<TicketHistoryEntry>
{
    public void Configure(EntityTypeBuilder<TicketHistoryEntry> b)
    {
        b.ToTable("TicketHistory");
        b.Property(h => h.ActorName).HasMaxLength(200);
        b.Property(h => h.Field).HasMaxLength(64);
        b.HasIndex(h => new { h.TicketId, h.Id });
        // Reports: the reopens since a given time (the backlog trend replays them). Few rows of a big table, so a
        // partial index; a query uses it when it repeats both conditions literally (SQLite and PostgreSQL alike).
        b.HasIndex(h => h.At).HasDatabaseName("IX_TicketHistory_Reopens").HasFilter("\"Field\" = 'resolvedAt' AND \"To\" IS NULL");
    }
}

internal sealed class TicketLinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> b)
    {
        b.HasKey(l => new { l.TicketId, l.LinkedTicketId });
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.LinkedTicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.LinkedTicketId);
    }
}

internal sealed class TicketWatcherConfiguration : IEntityTypeConfiguration<TicketWatcher>
{
    public void Configure(EntityTypeBuilder<TicketWatcher> b)
    {
        b.HasKey(w => new { w.TicketId, w.AgentId });
        b.HasIndex(w => w.AgentId);
        b.HasOne<Agent>().WithMany().HasForeignKey(w => w.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketParticipantConfiguration : IEntityTypeConfiguration<TicketParticipant>
{
    public void Configure(EntityTypeBuilder<TicketParticipant> b)
    {
        b.HasKey(p => new { p.TicketId, p.CustomerId });
        // Threading asks whether a sender takes part in a ticket; the customer's side finds their tickets.
        b.HasIndex(p => p.CustomerId);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> b)
    {
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.TicketId, e.CreatedAt });
        b.HasIndex(e => new { e.AgentId, e.CreatedAt });
        // The time-tracking and agents reports: entries logged in a period.
        b.HasIndex(e => e.CreatedAt);
        b.HasOne<Agent>().WithMany().HasForeignKey(e => e.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
