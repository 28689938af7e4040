using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Atende.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AtendeDb>
{
    public AtendeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AtendeDb>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
