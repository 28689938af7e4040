using Atende.Catalog;
using Atende.Tickets;

namespace Atende.Reporting;

/// <summary>
/// The few columns of a ticket reports group and measure by. Reports read slices of the tickets in their period (an
/// indexed range) and aggregate them in memory, so a day is the viewer's day on both databases and a median is exact.
/// </summary>
public sealed record TicketSlice(
    int Id,
    DateTime CreatedAt,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    StatusCategory StatusCategory,
    int StatusId,
    Priority Priority,
    Channel Channel,
    int RequestTypeId,
    int? TeamId,
    int? AssigneeId,
    int? OrganizationId)
{
    /// <summary>Filled only when the report groups by tag (a ticket with two tags counts in both rows).</summary>
    public IReadOnlyList<int> TagIds { get; set; } = [];
}
