using Atende.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/tickets/{number}/satisfaction — the requester's satisfaction survey answer.</summary>
public static class SurveysApi
{
    public static void MapSurveysApi(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/tickets").WithTags("Satisfaction");
        surveys.MapPost("/{number:int}/satisfaction", Rate)
            .WithSummary("Answer the satisfaction survey of a resolved ticket (its requester only); a second answer within 7 days replaces the first");
    }

    private static async Task<Ok<SatisfactionView>> Rate(int number, RateTicketRequest request, RateTicket rate, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await rate.HandleAsync(number, request, caller.Value, ct));
}
