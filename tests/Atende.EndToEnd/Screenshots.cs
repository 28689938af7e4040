using Microsoft.Playwright;

namespace Atende.EndToEnd;

/// <summary>Pictures of what a person saw, kept beside the test output for a human (or a CI artifact) to look at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name);
        await page.ScreenshotAsync(new() { Path = file });
        return file;
    }
}
