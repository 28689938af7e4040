using Atende.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Agents;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.SkillsJson).HasMaxLength(Agent.SkillsJsonMaxLength);
        b.HasIndex(a => a.Email).IsUnique();
        b.HasIndex(a => a.AccountId).IsUnique();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.Skills);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.HasIndex(t => t.Name).IsUnique();
        b.HasOne<Agent>().WithMany().HasForeignKey(t => t.LeadAgentId).OnDelete(DeleteBehavior.SetNull);
        // Existing teams (and the column default) start as manual: nothing changes until an admin picks a strategy.
        b.Property(t => t.AssignmentStrategy).HasConversion<string>().HasMaxLength(20).HasDefaultValue(AssignmentStrategy.Manual);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.HasKey(m => new { m.TeamId, m.AgentId });
        b.HasIndex(m => m.AgentId);
        b.HasOne(m => m.Team).WithMany(t => t.Members).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Agent).WithMany(a => a.Memberships).HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
