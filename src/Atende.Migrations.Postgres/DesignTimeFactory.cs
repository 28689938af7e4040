using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Atende.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server or the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AtendeDb>
{
    public AtendeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AtendeDb>()
            .UseNpgsql("Host=localhost;Database=atende_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
