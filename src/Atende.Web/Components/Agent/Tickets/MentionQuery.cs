using System.Text.RegularExpressions;

namespace Atende.Web.Components.Agent.Tickets;

/// <summary>
/// The "@ana" being typed at the end of a message, and how choosing a person completes it. The reply box knows
/// only its text, not the caret, so it completes the mention the agent is typing now: the last word.
/// </summary>
public static partial class MentionQuery
{
    /// <summary>The prefix after "@" when the text ends in a mention being typed; null otherwise.</summary>
    public static string? PrefixOf(string? text) =>
        text is null ? null : Trailing().Match(text) is { Success: true } m ? m.Groups["prefix"].Value : null;

    /// <summary>The text with the trailing "@prefix" replaced by "@handle " (a space, so typing goes on).</summary>
    public static string Complete(string text, string handle)
    {
        var match = Trailing().Match(text);
        return match.Success ? text[..match.Groups["at"].Index] + "@" + handle + " " : text + "@" + handle + " ";
    }

    [GeneratedRegex(@"(?:^|\s)(?<at>@)(?<prefix>[\w.\-]{0,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();
}
