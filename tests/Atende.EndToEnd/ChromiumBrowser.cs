using Microsoft.Playwright;

namespace Atende.EndToEnd;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser builds are never downloaded: this
/// machine reaches no download host, and the distribution's package is what eng/test.sh installs.
/// Playwright's driver (node and its JS) comes inside the NuGet package and is copied beside the tests.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        // A missing browser fails, never skips: a green run must mean the journeys ran.
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} not found. The end-to-end tests drive Debian's Chromium: install it with " +
                "`sudo apt-get install chromium`, or run eng/test.sh as root, which installs it.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // --no-sandbox: the tests may run as root (CI), where Chromium refuses its sandbox. The rest keep
            // Chromium from calling home (updates, sync, QUIC probes) on a machine without a network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
