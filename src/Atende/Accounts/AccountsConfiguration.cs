using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Accounts;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.Property(a => a.Language).HasMaxLength(10);
        b.Property(a => a.TimeZone).HasMaxLength(64);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.AccountId);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(300);
    }
}

internal sealed class SignInPolicyConfiguration : IEntityTypeConfiguration<SignInPolicy>
{
    public void Configure(EntityTypeBuilder<SignInPolicy> b) => b.Property(p => p.Id).ValueGeneratedNever();
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> b)
    {
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Email).HasMaxLength(254);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.PasswordHash).HasMaxLength(500);
        b.Property(t => t.Language).HasMaxLength(10);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
