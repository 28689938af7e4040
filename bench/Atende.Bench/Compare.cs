using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Atende.Bench;

/// <summary>
/// `compare`: the same scenarios against Atende on SQLite and on PostgreSQL, side by side, with pgbench (TPC-B,
/// 8 clients) on the same PostgreSQL as the physical limit — each PostgreSQL throughput also shown as a fraction of it.
/// Point it at generated databases (`generate`); it starts and stops the servers itself. `--json file` keeps the
/// figures so runs can be compared over time.
/// </summary>
public static class Compare
{
    public sealed record Side(string Database, IReadOnlyList<LoadRun.Result> Results, double? ServerMiB);

    public sealed record Report(DateTime At, string Machine, int Clients, double Seconds, double? PgbenchTps, IReadOnlyList<Side> Sides);

    public static async Task<int> ExecuteAsync(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var sqlite = Value("--sqlite");
        var postgres = Value("--postgres");
        if (sqlite is null && postgres is null)
        {
            Console.Error.WriteLine("usage: compare [--sqlite \"Data Source=...\"] [--postgres \"Host=...;Database=...\"] [--clients 8] [--seconds 15] [--email ... --password ...] [--json file]");
            return 2;
        }
        var clients = int.Parse(Value("--clients") ?? "8", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Value("--seconds") ?? "15", CultureInfo.InvariantCulture);
        var email = Value("--email") ?? Environment.GetEnvironmentVariable("ATENDE_ADMIN_EMAIL") ?? "bench-admin@atende.test";
        var password = Value("--password") ?? Environment.GetEnvironmentVariable("ATENDE_ADMIN_PASSWORD") ?? "bench-password-123";

        var sides = new List<Side>();
        foreach (var (name, provider, connection) in new[] { ("SQLite", "Sqlite", sqlite), ("PostgreSQL", "Postgres", postgres) })
        {
            if (connection is null)
            {
                continue;
            }
            Console.WriteLine($"— {name}: starting Atende...");
            var server = await AtendeServer.StartAsync(provider, connection, email, password);
            if (server is null)
            {
                return 1;
            }
            try
            {
                var options = new BenchOptions(server.Url, email, password, clients, seconds, server.Pid);
                var results = await LoadRun.MeasureAsync(options, Console.Out);
                sides.Add(new Side(name, results, server.ResidentMiB()));
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
        var tps = postgres is null ? null : await PgbenchAsync(postgres, clients, seconds);
        var report = new Report(DateTime.UtcNow, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", clients, seconds, tps, sides);
        Print(report);
        if (Value("--json") is { } file)
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            Console.WriteLine($"written: {file}");
        }
        return sides.SelectMany(s => s.Results).Any(r => r.Errors > 0) ? 1 : 0;
    }

    /// <summary>
    /// pgbench's TPC-B-like run on a database of its own beside Atende's (same server, same disk), scale 10.
    /// Returns transactions per second, or null when pgbench is not installed.
    /// </summary>
    private static async Task<double?> PgbenchAsync(string connectionString, int clients, double seconds)
    {
        var atende = new NpgsqlConnectionStringBuilder(connectionString);
        const string database = "atende_pgbench";
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{database}'", connection);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }
        }
        Console.WriteLine("— pgbench: initializing (scale 10) and running TPC-B...");
        string[] target = ["-h", atende.Host ?? "127.0.0.1", "-p", atende.Port.ToString(CultureInfo.InvariantCulture), "-U", atende.Username ?? "postgres"];
        if (await PgbenchRunAsync([.. target, "-i", "-q", "-s", "10", database], atende.Password) is null)
        {
            return null;
        }
        var output = await PgbenchRunAsync(
            [.. target, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
             "-T", ((int)Math.Max(5, seconds)).ToString(CultureInfo.InvariantCulture), "-n", database], atende.Password);
        var line = output?.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static async Task<string?> PgbenchRunAsync(string[] arguments, string? password)
    {
        var start = new ProcessStartInfo("pgbench", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"pgbench failed: {await errors}");
                return null;
            }
            return await output + await errors;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("pgbench is not installed (Debian: postgresql-contrib / postgresql-client); the limit column stays empty.");
            return null;
        }
    }

    public static void Print(Report report)
    {
        Console.WriteLine();
        Console.WriteLine($"{report.Clients} clients, {report.Seconds:0.#} s per scenario — {report.Machine}");
        if (report.PgbenchTps is { } tps)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgbench TPC-B on the same PostgreSQL: {tps:0} tps"));
        }
        var names = report.Sides.SelectMany(s => s.Results.Select(r => r.Scenario)).Distinct().ToList();
        var header = $"{"scenario",-20}" + string.Concat(report.Sides.Select(s => $" | {s.Database,-10} {"req/s",8} {"p50",7} {"p95",7} {"p99",7}"));
        Console.WriteLine(header + (report.PgbenchTps is null ? "" : " | of pgbench"));
        foreach (var name in names)
        {
            var line = $"{name,-20}";
            LoadRun.Result? postgres = null;
            foreach (var side in report.Sides)
            {
                var r = side.Results.FirstOrDefault(x => x.Scenario == name);
                line += r is null
                    ? $" | {"",-10} {"",8} {"",7} {"",7} {"",7}"
                    : string.Create(CultureInfo.InvariantCulture, $" | {"",-10} {r.Requests / r.Seconds,8:0.0} {r.P50,7:0.0} {r.P95,7:0.0} {r.P99,7:0.0}");
                if (side.Database == "PostgreSQL")
                {
                    postgres = r;
                }
            }
            if (report.PgbenchTps is { } limit && postgres is not null)
            {
                line += string.Create(CultureInfo.InvariantCulture, $" | {postgres.Requests / postgres.Seconds / limit,9:P1}");
            }
            Console.WriteLine(line);
        }
        foreach (var side in report.Sides.Where(s => s.ServerMiB is not null))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory after the run ({side.Database}): {side.ServerMiB:0} MiB RSS"));
        }
        Console.WriteLine("(latencies in ms)");
    }
}
