using System.Text.RegularExpressions;

namespace Atende.Replies;

/// <summary>
/// The placeholders a canned response may hold. They are checked when the response is saved, so a typo such as
/// {{requester.nmae}} is caught by the author instead of reaching a customer as literal braces.
/// </summary>
public static partial class CannedResponsePlaceholders
{
    public const string TicketNumber = "ticket.number";
    public const string TicketSubject = "ticket.subject";
    public const string RequesterName = "requester.name";
    public const string AgentName = "agent.name";

    public static IReadOnlyList<string> All { get; } = [TicketNumber, TicketSubject, RequesterName, AgentName];

    public static void Validate(string field, string body, ValidationErrors errors)
    {
        var unknown = Pattern().Matches(body)
            .Select(m => m.Groups["name"].Value)
            .Where(name => !All.Contains(name, StringComparer.Ordinal))
            .Distinct()
            .ToList();
        if (unknown.Count > 0)
        {
            errors.Add(field, $"unknown placeholder {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))}; use {string.Join(", ", All.Select(a => "{{" + a + "}}"))}.");
        }
    }

    /// <summary>Replaces each known placeholder with its value; anything else is left as written.</summary>
    public static string Fill(string body, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(body, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9_.]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
