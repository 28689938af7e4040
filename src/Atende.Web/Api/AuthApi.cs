using Atende.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/auth/tokens and /api/v1/me — getting and managing personal access tokens.</summary>
public static class AuthApi
{
    public const string SignInRateLimit = "sign-in";

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/tokens", IssueToken).AllowAnonymous().RequireRateLimiting(SignInRateLimit).WithTags("Authentication")
            .WithSummary("Exchange email and password for a personal access token (shown once)");
        api.MapGet("/settings/sign-in", SignInPolicy).WithTags("Authentication").WithSummary("The desk's sign-in rules (agents)");
        api.MapPatch("/settings/sign-in", UpdateSignInPolicy).WithTags("Authentication").WithSummary("Require two-factor for staff (admins)");
        var me = api.MapGroup("/me").WithTags("Authentication");
        me.MapGet("/", Me).WithSummary("Who am I, in which language and time zone");
        me.MapPatch("/", UpdatePreferences).WithSummary("Change my language (en, pt-BR) or time zone (IANA id)");
        me.MapPost("/password", ChangePassword).WithSummary("Change my password (the current one is required)");
        me.MapPost("/two-factor/setup", SetUpTwoFactor).WithSummary("Start authenticator setup: a new secret, not in force until enabled");
        me.MapPost("/two-factor/enable", EnableTwoFactor).WithSummary("Turn two-factor on with a code from the authenticator; returns recovery codes once");
        me.MapPost("/two-factor/disable", DisableTwoFactor).WithSummary("Turn two-factor off (the password is required)");
        me.MapGet("/tokens", Tokens).WithSummary("My tokens");
        me.MapDelete("/tokens/{id:int}", Revoke).WithSummary("Revoke one of my tokens");
    }

    private static async Task<Created<IssuedApiToken>> IssueToken(IssueApiTokenRequest request, IssueApiToken issue, CancellationToken ct)
    {
        var token = await issue.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/me/tokens/{token.Id}", token);
    }

    private static async Task<Ok<SignInPolicyView>> SignInPolicy(GetSignInPolicy get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(caller.Value, ct));

    private static async Task<Ok<SignInPolicyView>> UpdateSignInPolicy(UpdateSignInPolicyRequest request, UpdateSignInPolicy update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<MyAccountView>> Me(GetMyAccount get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(caller.Value, ct));

    private static async Task<Ok<MyAccountView>> UpdatePreferences(UpdateMyPreferencesRequest request, UpdateMyPreferences update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(request, caller.Value, ct));

    private static async Task<NoContent> ChangePassword(ChangePasswordRequest request, ChangePassword change, CurrentCaller caller, CancellationToken ct)
    {
        await change.HandleAsync(request, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TwoFactorSetup>> SetUpTwoFactor(SetUpTwoFactor setUp, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await setUp.HandleAsync(caller.Value, ct));

    private static async Task<Ok<RecoveryCodes>> EnableTwoFactor(EnableTwoFactorRequest request, EnableTwoFactor enable, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await enable.HandleAsync(request, caller.Value, ct));

    private static async Task<NoContent> DisableTwoFactor(DisableTwoFactorRequest request, DisableTwoFactor disable, CurrentCaller caller, CancellationToken ct)
    {
        await disable.HandleAsync(request, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ApiTokenView>>> Tokens(ListApiTokens list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<NoContent> Revoke(int id, RevokeApiToken revoke, CurrentCaller caller, CancellationToken ct)
    {
        await revoke.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
