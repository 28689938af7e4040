using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atende.EndToEnd;

/// <summary>A screen size a journey runs at.</summary>
public sealed record Device(string Name, int Width, int Height, bool Phone)
{
    public static readonly Device Desktop = new("desktop", 1366, 900, false);
    public static readonly Device Phone390 = new("phone", 390, 844, true);

    public static Device Named(string name) => name == "phone" ? Phone390 : Desktop;

    public override string ToString() => $"{Name}-{Width}x{Height}";
}

/// <summary>
/// One person's browser on the server: its own context (cookies), a page at a device's size, and what went
/// wrong on the way (page errors, requests that tried to leave the server). Journeys share this set-up.
/// </summary>
public sealed class Workspace : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private Workspace(IBrowserContext context, IPage page, AtendeServer server, Device device)
    {
        _context = context;
        Page = page;
        Server = server;
        Device = device;
    }

    public IPage Page { get; }
    public AtendeServer Server { get; }
    public Device Device { get; }
    public List<string> PageErrors { get; } = [];
    public List<string> Blocked { get; } = [];

    public static async Task<Workspace> OpenAsync(AtendeServer server, ChromiumBrowser chromium, Device device)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = device.Width, Height = device.Height },
            IsMobile = device.Phone,
            HasTouch = device.Phone,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var workspace = new Workspace(context, page, server, device);
        page.PageError += (_, e) => workspace.PageErrors.Add(e);
        await workspace.KeepToTheServerAsync();
        return workspace;
    }

    public Task GotoAsync(string path) => Page.GotoAsync(Server.Url(path).ToString());

    /// <summary>Signs in through the sign-in page and waits for the workspace to be live (the circuit connected).</summary>
    public async Task SignInAsync(string email, string password, string landing = "/agent")
    {
        await GotoAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(landing)}");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.GetByTestId("sign-in").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landing);
        await Expect(Page.GetByTestId("account-menu")).ToBeVisibleAsync();
    }

    public Task<string> ScreenshotAsync(string name) => Screenshots.TakeAsync(Page, $"{name}-{Device}.png");

    /// <summary>The page must fit the viewport's width: sideways scrolling is the classic phone-layout defect.</summary>
    public async Task AssertNoHorizontalOverflowAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(clientWidth <= Device.Width, $"The layout is {clientWidth}px wide on a {Device.Width}px viewport.");
        Assert.True(scrollWidth <= clientWidth, $"The page is {scrollWidth}px wide but the viewport shows {clientWidth}px: it scrolls sideways.");
    }

    /// <summary>
    /// Runs axe-core (WCAG 2.1 A and AA rules: labels, names, contrast, roles) on the page as it is now and fails on
    /// serious or critical findings. Rules can be left out only by naming them, with the reason at the call.
    /// </summary>
    public async Task AssertAccessibleAsync(params string[] disabledRules)
    {
        await Page.AddScriptTagAsync(new() { Content = await AxeScript.Value });
        var findings = await Page.EvaluateAsync<AxeFinding[]>(
            """
            async (disabled) => {
                const rules = Object.fromEntries(disabled.map(r => [r, { enabled: false }]));
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
            }
            """, disabledRules);
        Assert.True(findings.Length == 0, $"Accessibility problems on {Page.Url} ({Device}):\n" +
            string.Join("\n", findings.Select(f => $"- {f.Id} ({f.Impact}): {f.Help} at {string.Join(" | ", f.Targets)}")));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private static readonly Lazy<Task<string>> AxeScript = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Atende.slnx")))
        {
            folder = folder.Parent;
        }
        var script = Path.Combine(folder?.FullName ?? ".", "tests", "Atende.EndToEnd", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(script)
            ? File.ReadAllTextAsync(script)
            : throw new InvalidOperationException($"{script} not found: run `npm ci --prefix tests/Atende.EndToEnd` (eng/test.sh does).");
    });

    /// <summary>Playwright fills this from the page's JSON, so it needs settable properties.</summary>
    private sealed class AxeFinding
    {
        public string Id { get; set; } = "";
        public string Impact { get; set; } = "";
        public string Help { get; set; } = "";
        public string[] Targets { get; set; } = [];
    }

    /// <summary>
    /// Requests anywhere but the server are aborted and listed: the tests must pass on a machine without a
    /// network, and what the page tries to fetch from elsewhere is worth knowing.
    /// </summary>
    private async Task KeepToTheServerAsync()
    {
        await _context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || url.Authority == Server.BaseAddress.Authority)
            {
                await route.ContinueAsync();
                return;
            }
            lock (Blocked)
            {
                Blocked.Add($"blocked request: {route.Request.Url}");
            }
            await route.AbortAsync();
        });
    }
}
