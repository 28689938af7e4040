using System.Text.Json.Nodes;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Search;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

/// <summary>
/// A ticket as conditions see it, read once per event: plain values, no database. Conditions evaluate against
/// this snapshot, so testing a rule against a ticket and firing it on an event take the same path.
/// </summary>
public sealed class TicketFacts
{
    private readonly Dictionary<string, string> _folded = [];

    public int TicketId { get; init; }
    /// <summary>Set when the ticket was merged into another: rules leave such tickets alone.</summary>
    public int? MergedIntoId { get; init; }
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
    public bool? InBusinessHours { get; set; }

    /// <summary>Text folded for comparison (no case, no accents), computed once per field per snapshot.</summary>
    internal string Folded(string key, string text)
    {
        if (!_folded.TryGetValue(key, out var folded))
        {
            _folded[key] = folded = SearchText.Fold(text);
        }
        return folded;
    }

    /// <summary>The ticket as conditions see it, in two small queries (the ticket, its tags by key); null when it does not exist.</summary>
    public static async Task<TicketFacts?> ReadAsync(AtendeDb db, int ticketId, CancellationToken ct)
    {
        var row = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new
        {
            t.Id, t.MergedIntoId, StatusKey = t.Status.Key, t.StatusCategory, t.Priority, TypeKey = t.RequestType.Key, t.Channel,
            t.TeamId, t.AssigneeId, t.RequesterId, t.OrganizationId, t.FieldsJson, t.Subject, t.CreatedAt, t.UpdatedAt,
            Description = db.Messages.Where(m => m.TicketId == t.Id && m.Visibility == Visibility.Public).OrderBy(m => m.Id).Select(m => m.Body).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        return row is null ? null : new TicketFacts
        {
            TicketId = row.Id,
            MergedIntoId = row.MergedIntoId,
            Status = row.StatusKey,
            StatusCategory = row.StatusCategory,
            Priority = row.Priority,
            Type = row.TypeKey,
            Channel = row.Channel,
            TeamId = row.TeamId,
            AssigneeId = row.AssigneeId,
            RequesterId = row.RequesterId,
            OrganizationId = row.OrganizationId,
            Tags = (await TicketTag.NamesOfAsync(db, [row.Id], ct))[row.Id].ToList(),
            Fields = JsonNode.Parse(row.FieldsJson) as JsonObject ?? [],
            Subject = row.Subject,
            Description = row.Description ?? "",
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }

    /// <summary>The facts of a ticket already loaded (with status, type and tags), e.g. after a rule changed it.</summary>
    public static TicketFacts Of(Ticket ticket, string description) => new()
    {
        TicketId = ticket.Id,
        MergedIntoId = ticket.MergedIntoId,
        Status = ticket.Status.Key,
        StatusCategory = ticket.StatusCategory,
        Priority = ticket.Priority,
        Type = ticket.RequestType.Key,
        Channel = ticket.Channel,
        TeamId = ticket.TeamId,
        AssigneeId = ticket.AssigneeId,
        RequesterId = ticket.RequesterId,
        OrganizationId = ticket.OrganizationId,
        Tags = ticket.Tags.Select(t => t.Tag.Name).ToList(),
        Fields = JsonNode.Parse(ticket.FieldsJson) as JsonObject ?? [],
        Subject = ticket.Subject,
        Description = description,
        CreatedAt = ticket.CreatedAt,
        UpdatedAt = ticket.UpdatedAt,
    };
}
