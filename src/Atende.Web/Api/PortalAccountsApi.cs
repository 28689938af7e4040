using Atende.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

public sealed record TokenRequest(string? Token);

/// <summary>
/// /api/v1/portal/... — customer accounts without the UI: open sign-up, confirmation, invitation, password reset.
/// Anonymous and rate limited per address; the answers never say whether an email has an account.
/// </summary>
public static class PortalAccountsApi
{
    /// <summary>The rate limit of the portal's anonymous forms and their API twins (posts only).</summary>
    public const string FormsRateLimit = "portal-forms";

    public static void MapPortalAccountsApi(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal").WithTags("Portal accounts").AllowAnonymous().RequireRateLimiting(FormsRateLimit);
        portal.MapPost("/sign-up", SignUp)
            .WithSummary("Open sign-up: mails a confirmation link (202 whether or not the email already has an account; 409 when sign-up is by invitation only)");
        portal.MapPost("/confirm-email", Confirm).WithSummary("Confirm a sign-up with the token from the email: the account is created");
        portal.MapPost("/invitation/accept", Accept).WithSummary("Accept an invitation: the token from the email and a password");
        portal.MapPost("/password-reset", RequestReset).WithSummary("Mail a password reset link (202 whether or not the email has an account)");
        portal.MapPost("/password", Reset).WithSummary("Set a new password with the token from the reset email");

        api.MapPost("/customers/{id:int}/invitation", Invite).WithTags("Customers")
            .WithSummary("Invite a customer to the portal: mails a link to choose a password (agents)");
    }

    private static async Task<Accepted> SignUp(SignUpCustomerRequest request, SignUpCustomer signUp, CancellationToken ct)
    {
        await signUp.HandleAsync(request, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> Confirm(TokenRequest request, ConfirmEmail confirm, CancellationToken ct)
    {
        await confirm.HandleAsync(request.Token, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Accept(AcceptInvitationRequest request, AcceptInvitation accept, CancellationToken ct)
    {
        await accept.HandleAsync(request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> RequestReset(RequestPasswordResetRequest request, RequestPasswordReset reset, CancellationToken ct)
    {
        await reset.HandleAsync(request, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> Reset(ResetPasswordRequest request, ResetPassword reset, CancellationToken ct)
    {
        await reset.HandleAsync(request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<InvitationView>> Invite(int id, InviteCustomer invite, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await invite.HandleAsync(id, caller.Value, ct));
}
