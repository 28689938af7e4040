using Atende.Agents;
using Atende.Catalog;
using Atende.Customers;

namespace Atende.Web.Components.Admin.Automation;

/// <summary>What the value pickers offer: the desk's own statuses, types, teams, agents and organizations.</summary>
public sealed record RuleChoices(
    IReadOnlyList<StatusView> Statuses,
    IReadOnlyList<RequestTypeView> Types,
    IReadOnlyList<TeamView> Teams,
    IReadOnlyList<AgentView> Agents,
    IReadOnlyList<OrganizationView> Organizations)
{
    public static RuleChoices Empty { get; } = new([], [], [], [], []);

    /// <summary>The desk's current choices, read through the use cases as the signed-in admin.</summary>
    public static async Task<RuleChoices> LoadAsync(UseCases useCases)
    {
        var statuses = (await useCases.QueryAsync<ListStatuses, Page<StatusView>>((h, _, ct) => h.HandleAsync(ct))).Items;
        var types = (await useCases.QueryAsync<ListRequestTypes, Page<RequestTypeView>>((h, c, ct) => h.HandleAsync(true, c, ct))).Items;
        var teams = (await useCases.QueryAsync<ListTeams, Page<TeamView>>((h, c, ct) => h.HandleAsync(new ListTeamsRequest { Limit = Paging.MaxLimit }, c, ct))).Items;
        var agents = (await useCases.QueryAsync<ListAgents, Page<AgentView>>((h, c, ct) => h.HandleAsync(new ListAgentsRequest { Active = true, Limit = Paging.MaxLimit }, c, ct))).Items;
        var organizations = (await useCases.QueryAsync<ListOrganizations, Page<OrganizationView>>((h, c, ct) => h.HandleAsync(new ListOrganizationsRequest { Limit = Paging.MaxLimit }, c, ct))).Items;
        return new RuleChoices(statuses, types, teams, agents, organizations);
    }

    /// <summary>Value → label pairs for a field, or null when the value is typed.</summary>
    public IReadOnlyList<(string Value, string Label)>? For(string field, Func<string, string> keyLabel) => field switch
    {
        "status" => Statuses.Select(s => (s.Key, s.Name)).ToList(),
        "type" => Types.Select(t => (t.Key, t.Name)).ToList(),
        "team" => Teams.Select(t => (Id(t.Id), t.Name)).ToList(),
        "assignee" => Agents.Select(a => (Id(a.Id), a.Name)).ToList(),
        "organization" => Organizations.Select(o => (Id(o.Id), o.Name)).ToList(),
        "businessHours" => [("true", keyLabel("true")), ("false", keyLabel("false"))],
        _ when Atende.Automation.ConditionFields.KeyValues.TryGetValue(field, out var keys) => keys.Select(k => (k, keyLabel(k))).ToList(),
        _ => null,
    };

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
