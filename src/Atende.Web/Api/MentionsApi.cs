using Atende.Agents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/agents/mentions — who "@ana" can mean, for autocompletion in message editors.</summary>
public static class MentionsApi
{
    public static void MapMentionsApi(this RouteGroupBuilder api) =>
        api.MapGet("/agents/mentions", Suggest).WithTags("Agents")
            .WithSummary("Active agents whose handle (email local part) or name starts with prefix (agents)");

    private static async Task<Ok<Atende.Page<MentionSuggestion>>> Suggest(string? prefix, int? limit, SuggestMentions suggest, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(new Atende.Page<MentionSuggestion>(await suggest.HandleAsync(prefix, limit, caller.Value, ct), null));
}
