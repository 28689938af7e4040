using MudBlazor;

namespace Atende.Web.Components.Admin;

/// <summary>Dialogs of the administration screens: a comfortable width on a desk, the whole screen on a phone.</summary>
public static class PhoneDialogs
{
    public static async Task<DialogOptions> DialogOptionsAsync(this IBrowserViewportService viewport) => new()
    {
        FullScreen = await viewport.GetCurrentBreakpointAsync() == Breakpoint.Xs,
        FullWidth = true,
        MaxWidth = MaxWidth.Small,
        CloseButton = true,
        CloseOnEscapeKey = true,
    };
}
