using System.Text.Json.Nodes;
using Atende.Catalog;
using Atende.Search;
using Atende.Tickets;

namespace Atende.Automation;

/// <summary>
/// A ticket as conditions see it, read once per event: plain values, no database. Conditions evaluate against
/// this snapshot, so testing a rule against a ticket and firing it on an event take the same path.
/// </summary>
public sealed class TicketFacts
{
    private readonly Dictionary<string, string> _folded = [];

    public required string Status { get; init; }
    public required StatusCategory StatusCategory { get; init; }
    public required Priority Priority { get; init; }
    public required string Type { get; init; }
    public required Channel Channel { get; init; }
    public int? TeamId { get; init; }
    public int? AssigneeId { get; init; }
    public required int RequesterId { get; init; }
    public int? OrganizationId { get; init; }
    public IReadOnlyCollection<string> Tags { get; init; } = [];
    public JsonObject Fields { get; init; } = [];
    public required string Subject { get; init; }
    /// <summary>The first public message (what the customer asked).</summary>
    public string Description { get; init; } = "";
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    /// <summary>Whether the ticket's calendar is open at the moment of evaluation; null when there is no calendar.</summary>
    public bool? InBusinessHours { get; init; }

    /// <summary>Text folded for comparison (no case, no accents), computed once per field per snapshot.</summary>
    internal string Folded(string key, string text)
    {
        if (!_folded.TryGetValue(key, out var folded))
        {
            _folded[key] = folded = SearchText.Fold(text);
        }
        return folded;
    }
}
