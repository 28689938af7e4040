using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Atende.Bench;

/// <summary>
/// A throw-away Atende process on a free loopback port over a given database (the built Atende.Web next to the bench),
/// stopped and its working folder deleted on dispose. Smoke and compare start their servers through it.
/// </summary>
public sealed class AtendeServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _output = new();

    private AtendeServer(Process process, DirectoryInfo folder, string url)
    {
        _process = process;
        _folder = folder;
        Url = url;
    }

    public string Url { get; }
    public int Pid => _process.Id;
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>Resident memory of the server now, in MiB (Linux), or null where /proc is missing.</summary>
    public double? ResidentMiB()
    {
        var status = $"/proc/{Pid}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is null ? null : double.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>Starts the server; returns null (after printing its output) when it does not become ready in a minute.</summary>
    public static async Task<AtendeServer?> StartAsync(string provider, string connectionString, string adminEmail, string adminPassword)
    {
        var folder = Directory.CreateTempSubdirectory("atende-bench-server-");
        var port = FreePort();
        var web = Path.Combine(AppContext.BaseDirectory, "Atende.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Atende"] = connectionString;
        start.Environment["ATENDE_ADMIN_EMAIL"] = adminEmail;
        start.Environment["ATENDE_ADMIN_PASSWORD"] = adminPassword;
        var server = new AtendeServer(Process.Start(start)!, folder, $"http://127.0.0.1:{port}");
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        if (await server.WaitReadyAsync())
        {
            return server;
        }
        await Console.Error.WriteLineAsync("The server did not become ready:\n" + server.Output);
        await server.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // A database that needs migrating (a fresh million-ticket one) can take a while before it answers.
        for (var i = 0; i < 240 && !_process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync($"{Url}/health/ready")).IsSuccessStatusCode)
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
