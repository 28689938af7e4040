using System.Globalization;
using System.Security.Claims;
using Atende.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Atende.Web.Components;

/// <summary>Who may open the agent workspace and the administration pages.</summary>
public static class WorkspacePolicies
{
    public const string Staff = "staff";
    public const string Admin = "admin";

    public static void AddWorkspacePolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement(AdminOnly: false)));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement(AdminOnly: true)));
    }

    /// <summary>
    /// The signed-in person as the database says now. A fresh scope per check: in a circuit the "scope" would
    /// otherwise live for hours, and on a static page other components use the request's DbContext at the same time.
    /// </summary>
    internal static async Task<Caller?> LoadCallerAsync(IServiceScopeFactory scopes, ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LoadCaller>().HandleAsync(accountId, CancellationToken.None);
    }
}

public sealed record StaffRequirement(bool AdminOnly) : IAuthorizationRequirement;

/// <summary>
/// Decides from the database, not from claims in a cookie, so a demoted or deactivated agent loses the pages
/// at the next navigation.
/// </summary>
public sealed class StaffRequirementHandler(IServiceScopeFactory scopes) : AuthorizationHandler<StaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var caller = await WorkspacePolicies.LoadCallerAsync(scopes, context.User);
        if (caller is { IsStaff: true } && (!requirement.AdminOnly || caller.IsAdmin))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Who may open the customer portal's own pages (requests, profile). The help center needs no policy.</summary>
public static class PortalPolicies
{
    public const string Customer = "customer";

    public static void AddPortalPolicies(this AuthorizationOptions options) =>
        options.AddPolicy(Customer, p => p.RequireAuthenticatedUser().AddRequirements(new CustomerRequirement()));
}

public sealed record CustomerRequirement : IAuthorizationRequirement;

/// <summary>Like <see cref="StaffRequirementHandler"/>: decided from the database at each request.</summary>
public sealed class CustomerRequirementHandler(IServiceScopeFactory scopes) : AuthorizationHandler<CustomerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CustomerRequirement requirement)
    {
        var caller = await WorkspacePolicies.LoadCallerAsync(scopes, context.User);
        if (caller is { IsCustomer: true })
        {
            context.Succeed(requirement);
        }
    }
}
