namespace Atende.Bench;

/// <summary>
/// A few seconds of every scenario against a throw-away server on SQLite, so the bench never rots:
/// eng/test.sh runs it. It measures nothing worth quoting; it fails if any request fails.
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
        if (generated != 0)
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
}
