using Atende.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(50);
        b.Property(c => c.Language).HasMaxLength(10);
        b.Property(c => c.Notes).HasMaxLength(TeamNotes.MaxLength);
        b.HasIndex(c => c.Email).IsUnique();
        b.HasIndex(c => c.AccountId).IsUnique();
        b.HasIndex(c => new { c.OrganizationId, c.Name });
        b.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Notes).HasMaxLength(TeamNotes.MaxLength);
        b.HasIndex(o => o.Name).IsUnique();
        b.HasMany(o => o.Domains).WithOne().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationDomainConfiguration : IEntityTypeConfiguration<OrganizationDomain>
{
    public void Configure(EntityTypeBuilder<OrganizationDomain> b)
    {
        b.HasKey(d => d.Domain);
        b.Property(d => d.Domain).HasMaxLength(253);
        b.HasIndex(d => d.OrganizationId);
    }
}
