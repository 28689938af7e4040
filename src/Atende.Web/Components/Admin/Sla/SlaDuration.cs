using System.Globalization;
using Atende.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Atende.Web.Components.Admin.Sla;

/// <summary>Working minutes as people read them: "45 min", "4 h", "2 h 30 min" (working time, not days on a calendar).</summary>
public static class SlaDuration
{
    public static string Format(int minutes, IStringLocalizer<SlaText> text)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        return hours == 0 ? string.Format(CultureInfo.CurrentCulture, text["Duration.Minutes"], rest)
            : rest == 0 ? string.Format(CultureInfo.CurrentCulture, text["Duration.Hours"], hours)
            : string.Format(CultureInfo.CurrentCulture, text["Duration.HoursMinutes"], hours, rest);
    }

    /// <summary>The SLA editors hold tables (a week, targets per priority): wider than the other admin dialogs on a desk.</summary>
    public static async Task<DialogOptions> WideDialogOptionsAsync(this IBrowserViewportService viewport) => new()
    {
        FullScreen = await viewport.GetCurrentBreakpointAsync() == Breakpoint.Xs,
        FullWidth = true,
        MaxWidth = MaxWidth.Medium,
        CloseButton = true,
        CloseOnEscapeKey = true,
    };
}
