using Atende.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

public sealed record MeView(int? AccountId, string Kind, int? AgentId, int? CustomerId, string Name, string? Role, IReadOnlyList<int> TeamIds, int? OrganizationId);

/// <summary>/api/v1/auth/tokens and /api/v1/me — getting and managing personal access tokens.</summary>
public static class AuthApi
{
    public const string SignInRateLimit = "sign-in";

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/tokens", IssueToken).AllowAnonymous().RequireRateLimiting(SignInRateLimit).WithTags("Authentication")
            .WithSummary("Exchange email and password for a personal access token (shown once)");
        var me = api.MapGroup("/me").WithTags("Authentication");
        me.MapGet("/", Me).WithSummary("Who am I");
        me.MapGet("/tokens", Tokens).WithSummary("My tokens");
        me.MapDelete("/tokens/{id:int}", Revoke).WithSummary("Revoke one of my tokens");
    }

    private static async Task<Created<IssuedApiToken>> IssueToken(IssueApiTokenRequest request, IssueApiToken issue, CancellationToken ct)
    {
        var token = await issue.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/me/tokens/{token.Id}", token);
    }

    private static Ok<MeView> Me(CurrentCaller current)
    {
        var c = current.Value;
        return TypedResults.Ok(new MeView(c.AccountId, c.IsStaff ? "agent" : "customer", c.AgentId, c.CustomerId, c.Name,
            c.Role?.ToString().ToLowerInvariant(), c.TeamIds, c.OrganizationId));
    }

    private static async Task<Ok<IReadOnlyList<ApiTokenView>>> Tokens(ListApiTokens list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<NoContent> Revoke(int id, RevokeApiToken revoke, CurrentCaller caller, CancellationToken ct)
    {
        await revoke.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
