using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Portal;

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.BrandName).HasMaxLength(80);
        b.Property(s => s.BrandColor).HasMaxLength(7);
        b.Property(s => s.LogoContentType).HasMaxLength(40);
    }
}
