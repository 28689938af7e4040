namespace Atende.Bench;

/// <summary>
/// A few seconds of every scenario against a throw-away server on SQLite, so the bench never rots:
/// eng/test.sh runs it. It measures nothing worth quoting; it fails if any request fails. With ATENDE_TEST_POSTGRES
/// set, the generator also writes a small desk into a throw-away PostgreSQL database (its binary COPY is strict about
/// column types, which SQLite is not).
/// </summary>
public static class Smoke
{
    public static async Task<int> ExecuteAsync()
    {
        var folder = Directory.CreateTempSubdirectory("atende-bench-smoke-");
        const string password = "smoke-password-123";
        var database = Path.Combine(folder.FullName, "smoke.db");
        // A small generated desk first, so the generator cannot drift from the schema without this failing.
        var generated = await Generation.Generate.ExecuteAsync(
            ["--database", "sqlite", "--connection", $"Data Source={database}", "--tickets", "300", "--email", "bench@atende.test", "--password", password],
            Console.Out);
        if (generated != 0 || await GenerateOnPostgresAsync(password) != 0)
        {
            Console.Error.WriteLine("smoke: generate failed.");
            return 1;
        }
        var server = await AtendeServer.StartAsync("Sqlite", $"Data Source={database}", "bench@atende.test", password);
        if (server is null)
        {
            folder.Delete(recursive: true);
            return 1;
        }
        try
        {
            var options = new BenchOptions(server.Url, "bench@atende.test", password, Clients: 2, Seconds: 1, ServerPid: server.Pid, WarmupSeconds: 0);
            var results = await LoadRun.MeasureAsync(options, TextWriter.Null);
            LoadRun.Print(results, options);
            var broken = results.Where(r => r.Errors > 0 || r.Requests == 0).ToList();
            foreach (var r in broken)
            {
                Console.Error.WriteLine($"smoke: {r.Scenario} failed ({r.Errors} errors of {r.Requests}): {r.FirstError}");
            }
            return broken.Count == 0 ? 0 : 1;
        }
        finally
        {
            await server.DisposeAsync();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<int> GenerateOnPostgresAsync(string password)
    {
        if (Environment.GetEnvironmentVariable("ATENDE_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            return 0;
        }
        var database = $"atende_bench_smoke_{Guid.NewGuid():N}";
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            return await Generation.Generate.ExecuteAsync(
                ["--database", "postgres", "--connection", connection, "--tickets", "300", "--email", "bench@atende.test", "--password", password],
                Console.Out);
        }
        finally
        {
            await using var admin = new Npgsql.NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
