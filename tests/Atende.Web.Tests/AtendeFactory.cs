using Atende.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Atende.Web.Tests;

/// <summary>
/// The real application on a real, fresh database: a temporary SQLite file, or a new database on the
/// PostgreSQL server eng/test.sh started (ATENDE_TEST_PROVIDER=Postgres, ATENDE_TEST_POSTGRES=...).
/// Migrations run exactly as in production. Time is a <see cref="FakeTimeProvider"/> tests can move.
/// </summary>
public class AtendeFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@atende.test";
    public const string AdminPassword = "admin-password-123";

    private readonly string _connectionString;
    private readonly string? _postgresDatabase;
    private readonly string? _sqliteFile;

    public AtendeFactory()
    {
        Provider = TestEnvironment.Provider;
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = TestEnvironment.PostgresConnectionString;
            _postgresDatabase = "atende_test_" + Guid.NewGuid().ToString("N")[..12];
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase, Pooling = true }.ConnectionString;
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"atende-test-{Guid.NewGuid():N}.db");
            _connectionString = $"Data Source={_sqliteFile}";
        }
    }

    /// <summary>
    /// A second host (another "node") on the database of <paramref name="shared"/>: it neither creates nor drops it.
    /// Dispose it before <paramref name="shared"/>.
    /// </summary>
    protected AtendeFactory(AtendeFactory shared)
    {
        Provider = shared.Provider;
        _connectionString = shared._connectionString;
        Clock.SetUtcNow(shared.Clock.GetUtcNow());
    }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Extra settings a test class needs (e.g. a small upload limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        _ = Server; // start the host: migrations, defaults and the first admin happen here
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Atende", _connectionString);
        builder.UseSetting("ATENDE_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("ATENDE_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Every test client comes from the same address; the per-address limit has its own test.
        builder.UseSetting("Atende:RateLimits:SignInsPerMinute", "100000");
        builder.UseSetting("Atende:RateLimits:PortalFormsPerMinute", "100000");
        // Test receivers listen on 127.0.0.1; production refuses private addresses (WebhookDestination).
        builder.UseSetting("Atende:Webhooks:AllowPrivateNetworks", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public AtendeDb CreateDb() => Services.CreateScope().ServiceProvider.GetRequiredService<AtendeDb>();
}

/// <summary>Another node of the same installation: a second host on the database of an existing factory.</summary>
public sealed class AtendeNode(AtendeFactory shared) : AtendeFactory(shared);
