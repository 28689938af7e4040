using Atende.Tickets;

namespace Atende.Views;

/// <summary>The ticket filters a saved view keeps: the same names and values as GET /api/v1/tickets.</summary>
public sealed record ViewFilter
{
    public IReadOnlyList<string>? Status { get; init; }
    public IReadOnlyList<string>? StatusCategory { get; init; }
    public IReadOnlyList<string>? Priority { get; init; }
    public string? Type { get; init; }
    public string? Team { get; init; }
    public string? Assignee { get; init; }
    public IReadOnlyList<string>? Tag { get; init; }
    public int? Organization { get; init; }
    public string? Q { get; init; }

    public ListTicketsRequest ToRequest(string? sort) => new()
    {
        Status = Empty(Status),
        StatusCategory = Empty(StatusCategory),
        Priority = Empty(Priority),
        Type = string.IsNullOrWhiteSpace(Type) ? null : Type,
        Team = string.IsNullOrWhiteSpace(Team) ? null : Team,
        Assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee,
        Tag = Empty(Tag),
        Organization = Organization,
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        Sort = sort,
    };

    public static ViewFilter From(ListTicketsRequest request) => new()
    {
        Status = request.Status,
        StatusCategory = request.StatusCategory,
        Priority = request.Priority,
        Type = request.Type,
        Team = request.Team,
        Assignee = request.Assignee,
        Tag = request.Tag,
        Organization = request.Organization,
        Q = request.Q,
    };

    private static string[]? Empty(IReadOnlyList<string>? values) =>
        values is { Count: > 0 } ? values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray() : null;
}
