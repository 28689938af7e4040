using Atende.Persistence;

namespace Atende.Web.Tests;

/// <summary>Which database the HTTP tests run on; eng/test.sh runs the suite once per provider.</summary>
public static class TestEnvironment
{
    public static DatabaseProvider Provider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("ATENDE_TEST_PROVIDER"), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <summary>A missing server is a failure, never a silent skip: eng/test.sh only asks for Postgres when it started one.</summary>
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ATENDE_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("ATENDE_TEST_PROVIDER=Postgres needs ATENDE_TEST_POSTGRES (a connection string to a server where databases can be created). Run eng/test.sh.");
}
