using System.Globalization;
using Atende.Agents;
using Atende.Catalog;
using Atende.Customers;
using Atende.Tickets;

namespace Atende.Web.Components.Agent.Queues;

/// <summary>One value a filter can take, and what the agent reads for it.</summary>
public sealed record QueueChoice(string Value, string Label);

/// <summary>
/// What the filter builder, the bulk bar and the board offer: statuses, request types, teams, agents and organizations
/// (the first 200 of each, which is what a menu can show; the API takes any id).
/// </summary>
public sealed record QueueChoices(
    IReadOnlyList<StatusView> Statuses,
    IReadOnlyList<QueueChoice> Types,
    IReadOnlyList<QueueChoice> Teams,
    IReadOnlyList<QueueChoice> Agents,
    IReadOnlyList<QueueChoice> Organizations)
{
    public static QueueChoices None { get; } = new([], [], [], [], []);

    public static async Task<QueueChoices> LoadAsync(UseCases useCases)
    {
        var statuses = await useCases.QueryAsync<ListStatuses, Page<StatusView>>((h, _, ct) => h.HandleAsync(ct));
        var types = await useCases.QueryAsync<ListRequestTypes, Page<RequestTypeView>>((h, caller, ct) => h.HandleAsync(true, caller, ct));
        var teams = await useCases.QueryAsync<ListTeams, Page<TeamView>>((h, caller, ct) => h.HandleAsync(new ListTeamsRequest { Limit = Paging.MaxLimit }, caller, ct));
        var agents = await useCases.QueryAsync<ListAgents, Page<AgentView>>((h, caller, ct) => h.HandleAsync(new ListAgentsRequest { Active = true, Limit = Paging.MaxLimit }, caller, ct));
        var organizations = await useCases.QueryAsync<ListOrganizations, Page<OrganizationView>>((h, caller, ct) => h.HandleAsync(new ListOrganizationsRequest { Limit = Paging.MaxLimit }, caller, ct));
        return new QueueChoices(
            statuses.Items.OrderBy(s => s.Position).ToList(),
            types.Items.Select(t => new QueueChoice(t.Key, t.Name)).ToList(),
            teams.Items.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => new QueueChoice(Id(t.Id), t.Name)).ToList(),
            agents.Items.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).Select(a => new QueueChoice(Id(a.Id), a.Name)).ToList(),
            organizations.Items.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).Select(o => new QueueChoice(Id(o.Id), o.Name)).ToList());
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Priorities as the API spells them, most urgent first.</summary>
    public static IReadOnlyList<Priority> Priorities { get; } = [Priority.Urgent, Priority.High, Priority.Normal, Priority.Low];

    public static string Key(Priority priority) => priority.ToString().ToLowerInvariant();
}
