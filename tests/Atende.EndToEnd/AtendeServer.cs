using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Atende.EndToEnd;

/// <summary>
/// The real application in its own Kestrel process on a free loopback port, as `dotnet Atende.Web.dll`
/// starts it in production: a browser cannot reach WebApplicationFactory's in-memory TestServer.
/// It runs on a fresh SQLite file in a temporary folder (also its working folder, so ./data lands there)
/// and is killed when the collection is done.
/// </summary>
public sealed class AtendeServer : IAsyncLifetime
{
    public const string AdminEmail = "admin@atende.test";
    public const string AdminPassword = "admin-password-123";

    /// <summary>The server starts with the demo data (--seed-demo): these people sign in with <see cref="DemoPassword"/>.</summary>
    public const string DemoPassword = "demo-password-123";
    public const string AgentEmail = "pedro.santos@atende-demo.example";
    public const string SecondAgentEmail = "jessica.moore@atende-demo.example";
    public const string DemoAdminEmail = "mariana.costa@atende-demo.example";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const int MaxLogChars = 200_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"atende-e2e-{Guid.NewGuid():N}");
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>The server's SQLite file: journeys read what has no screen yet (such as queued emails) from it, read-only.</summary>
    public string DatabaseFile => Path.Combine(_folder, "atende.db");

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var webDll = FindWebDll();
        // The port is free when we ask, but another process may take it before Kestrel binds; try again then.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            BaseAddress = new Uri($"http://127.0.0.1:{port}");
            Start(webDll, port);
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && Log.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await StopAsync();
            }
            catch
            {
                // A server that never became ready is of no use to any test: stop it now, whatever comes after.
                await StopAsync();
                throw;
            }
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; a failed cleanup must not fail the run.
        }
    }

    private void Start(string webDll, int port)
    {
        var start = new ProcessStartInfo(DotnetHost(), [webDll, "--urls", $"http://127.0.0.1:{port}", "--seed-demo"])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Settings a caller's shell may carry must not decide where this server listens or what it stores.
        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Atende"] = $"Data Source={Path.Combine(_folder, "atende.db")}";
        start.Environment["ATENDE_ADMIN_EMAIL"] = AdminEmail;
        start.Environment["ATENDE_ADMIN_PASSWORD"] = AdminPassword;

        lock (_log)
        {
            _log.Clear();
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!_process.Start())
        {
            throw new InvalidOperationException($"Could not start {start.FileName} {webDll} on port {port}.");
        }
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = Url("/health/ready");
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"Atende.Web exited with code {_process.ExitCode} before {ready} answered. Its output:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message; // not listening yet
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException(
            $"Atende.Web did not become ready at {ready} within {StartTimeout.TotalSeconds}s (last: {last}). Its output:\n{Log}");
    }

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                // The database is a throw-away file: no graceful shutdown is needed, only that nothing outlives the tests.
                _process.Kill(entireProcessTree: true);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            // Keep the tail: a chatty server must not grow the test process without bound.
            if (_log.Length > MaxLogChars)
            {
                _log.Remove(0, _log.Length - MaxLogChars / 2);
            }
            _log.AppendLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The `dotnet` that runs the tests, so the server uses the same SDK's runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>
    /// The ProjectReference builds Atende.Web and copies it, with its runtimeconfig, deps and appsettings.json,
    /// beside these tests. Should a future SDK stop copying the runtimeconfig, use the web project's own
    /// build output for the same configuration.
    /// </summary>
    private static string FindWebDll()
    {
        var candidates = new List<string> { AppContext.BaseDirectory };
        var configuration = typeof(AtendeServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Atende.slnx")))
            {
                candidates.Add(Path.Combine(dir.FullName, "src", "Atende.Web", "bin", configuration, "net10.0"));
                break;
            }
        }
        foreach (var folder in candidates)
        {
            var dll = Path.Combine(folder, "Atende.Web.dll");
            if (File.Exists(dll) && File.Exists(Path.Combine(folder, "Atende.Web.runtimeconfig.json")) &&
                File.Exists(Path.Combine(folder, "appsettings.json")))
            {
                return dll;
            }
        }
        throw new InvalidOperationException(
            "Atende.Web.dll with its Atende.Web.runtimeconfig.json and appsettings.json was not found in: " +
            string.Join(", ", candidates) + ". Build the solution first (dotnet build Atende.slnx).");
    }
}
