using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.Persistence;

/// <summary>The same check as `dotnet ef migrations has-pending-model-changes`, for both providers.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new Atende.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Atende.Migrations.Sqlite --startup-project src/Atende.Migrations.Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new Atende.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Atende.Migrations.Postgres --startup-project src/Atende.Migrations.Postgres");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new Atende.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var postgres = new Atende.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        Assert.Equal(sqlite.Database.GetMigrations(), postgres.Database.GetMigrations());
    }
}
