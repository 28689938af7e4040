using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Atende.Catalog;

namespace Atende.Tickets;

public sealed record StatusRef(string Key, string Name, StatusCategory Category);
public sealed record TypeRef(string Key, string Name);
public sealed record PersonRef(int Id, string Name, string? Email);
public sealed record NamedRef(int Id, string Name);
public sealed record LinkView(LinkKind Kind, int Number);
/// <summary>
/// The ticket's service targets: due times of the open ones (null when met, paused or not set) and whether any
/// target was missed. <see cref="Paused"/>: the clocks wait (a Pending-category status).
/// </summary>
public sealed record SlaView(string? Policy, DateTime? FirstResponseDueAt, DateTime? ResolutionDueAt, bool Breached)
{
    public DateTime? NextResponseDueAt { get; init; }
    public bool Paused { get; init; }
}

/// <summary>A ticket as API.md shows it.</summary>
public sealed record TicketView(
    int Number,
    string Subject,
    StatusRef Status,
    Priority Priority,
    TypeRef Type,
    Channel Channel,
    PersonRef Requester,
    NamedRef? Organization,
    NamedRef? Assignee,
    NamedRef? Team,
    IReadOnlyList<string> Tags,
    JsonObject Fields,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    DateTime? DueAt,
    SlaView? Sla,
    IReadOnlyList<LinkView> Links,
    IReadOnlyList<NamedRef> Watchers,
    int TimeSpentMinutes,
    int? EstimateMinutes,
    Surveys.SatisfactionView? Satisfaction,
    int? MergedInto)
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => $"\"{Version}\"";
}

/// <summary>A ticket in a list: the same fields, without links and watchers.</summary>
public sealed record TicketSummary(
    int Number,
    string Subject,
    StatusRef Status,
    Priority Priority,
    TypeRef Type,
    Channel Channel,
    PersonRef Requester,
    NamedRef? Organization,
    NamedRef? Assignee,
    NamedRef? Team,
    IReadOnlyList<string> Tags,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    DateTime? DueAt,
    int? MergedInto);
