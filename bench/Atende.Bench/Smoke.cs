using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
        var port = FreePort();
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
        var web = Path.Combine(AppContext.BaseDirectory, "Atende.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Atende"] = $"Data Source={database}";
        start.Environment["ATENDE_ADMIN_EMAIL"] = "bench@atende.test";
        start.Environment["ATENDE_ADMIN_PASSWORD"] = password;
        using var server = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        server.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        server.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var url = $"http://127.0.0.1:{port}";
            if (!await WaitReadyAsync(url, server))
            {
                Console.Error.WriteLine("The server did not become ready:\n" + output);
                return 1;
            }
            var options = new BenchOptions(url, "bench@atende.test", password, Clients: 2, Seconds: 1, ServerPid: server.Id, WarmupSeconds: 0);
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
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitReadyAsync(string url, Process server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 120 && !server.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync($"{url}/health/ready")).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(500);
        }
        return false;
    }
}
