using Atende.Automation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/automation-rules — admins build, order, test and watch the rules that act on tickets.</summary>
public static class AutomationRulesApi
{
    public static void MapAutomationRulesApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/automation-rules").WithTags("Automation rules");
        rules.MapGet("/", List).WithSummary("Every rule in the order they run (admins)");
        rules.MapGet("/{id:int}", Get).WithSummary("Read a rule; a webhook action shows hasSecret, never the secret (admins)");
        rules.MapPost("/", Create).WithSummary("Add a rule: trigger, conditions, actions (admins)");
        rules.MapPatch("/{id:int}", Update).WithSummary("Change a rule; a webhook action without secret keeps the stored one (admins)");
        rules.MapDelete("/{id:int}", Delete).WithSummary("Delete a rule (admins)");
        rules.MapPost("/reorder", Reorder).WithSummary("Put the rules in this order: { ids: [...] } naming every rule once (admins)");
        rules.MapPost("/{id:int}/test", Test).WithSummary("Would the rule fire on this ticket now, and if not, why (admins)");
        rules.MapGet("/{id:int}/firings", Firings).WithSummary("The rule's recent firings, newest first (admins)");
    }

    private static async Task<Ok<ItemsView<AutomationRuleView>>> List(ListAutomationRules list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(new ItemsView<AutomationRuleView>(await list.HandleAsync(caller.Value, ct)));

    private static async Task<Ok<AutomationRuleView>> Get(int id, GetAutomationRule get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<AutomationRuleView>> Create(CreateAutomationRuleRequest request, CreateAutomationRule create, CurrentCaller caller, CancellationToken ct)
    {
        var rule = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/automation-rules/{rule.Id}", rule);
    }

    private static async Task<Ok<AutomationRuleView>> Update(int id, UpdateAutomationRuleRequest request, UpdateAutomationRule update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> Delete(int id, DeleteAutomationRule delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ItemsView<AutomationRuleView>>> Reorder(ReorderAutomationRulesRequest request, ReorderAutomationRules reorder, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(new ItemsView<AutomationRuleView>(await reorder.HandleAsync(request, caller.Value, ct)));

    private static async Task<Ok<RuleTestResult>> Test(int id, TestAutomationRuleRequest request, TestAutomationRule test, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await test.HandleAsync(id, request, caller.Value, ct));

    private static async Task<Ok<ItemsView<RuleFiringView>>> Firings(int id, int? limit, ListRuleFirings list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(new ItemsView<RuleFiringView>(await list.HandleAsync(id, limit, caller.Value, ct)));

    public sealed record ItemsView<T>(IReadOnlyList<T> Items);
}
