using Atende.Customers;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Surveys;

internal sealed class SatisfactionRatingConfiguration : IEntityTypeConfiguration<SatisfactionRating>
{
    public void Configure(EntityTypeBuilder<SatisfactionRating> b)
    {
        b.Property(r => r.Comment).HasMaxLength(SatisfactionRating.MaxCommentLength);
        // One survey per ticket: a second offer or a racing first answer fails here instead of counting twice.
        b.HasIndex(r => r.TicketId).IsUnique();
        // Reports read answers by the day they were given.
        b.HasIndex(r => r.RatedAt);
        // The satisfaction report's "offered": surveys offered in a period.
        b.HasIndex(r => r.OfferedAt);
        b.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.IsAnswered);
        b.Ignore(r => r.ChangeableUntil);
    }
}
