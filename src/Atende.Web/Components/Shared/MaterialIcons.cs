using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Atende.Web.Components.Shared;

/// <summary>
/// Request types name their icon as a Material icon name ("report_problem", see <see cref="Catalog.RequestType.ValidateIcon"/>).
/// MudBlazor ships that set as SVG markup constants, so pages without MudBlazor (the portal) can draw the same icon
/// inline: no icon font to download.
/// </summary>
public static class MaterialIcons
{
    private static readonly ConcurrentDictionary<string, string?> Found = new(StringComparer.Ordinal);

    /// <summary>The SVG inner markup for <paramref name="name"/> (outlined style), or null for an unknown name.</summary>
    public static string? Svg(string? name) => string.IsNullOrWhiteSpace(name) ? null : Found.GetOrAdd(name, Lookup);

    private static string? Lookup(string name)
    {
        // report_problem → ReportProblem; the constants hold library markup, never anything a user typed.
        var member = string.Concat(name.Split('_', '-').Where(p => p.Length > 0)
            .Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
        var field = typeof(MudBlazor.Icons.Material.Outlined).GetField(member, BindingFlags.Public | BindingFlags.Static)
            ?? typeof(MudBlazor.Icons.Material.Filled).GetField(member, BindingFlags.Public | BindingFlags.Static);
        return field?.GetRawConstantValue() as string;
    }
}
