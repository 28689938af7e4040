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
}

public sealed record StaffRequirement(bool AdminOnly) : IAuthorizationRequirement;

/// <summary>
/// Decides from the database, not from claims in a cookie, so a demoted or deactivated agent loses the pages
/// at the next navigation. A fresh scope per check: in a circuit the "scope" would otherwise live for hours.
/// </summary>
public sealed class StaffRequirementHandler(IServiceScopeFactory scopes) : AuthorizationHandler<StaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var caller = await scope.ServiceProvider.GetRequiredService<LoadCaller>().HandleAsync(accountId, CancellationToken.None);
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
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var caller = await scope.ServiceProvider.GetRequiredService<LoadCaller>().HandleAsync(accountId, CancellationToken.None);
        if (caller is { IsCustomer: true })
        {
            context.Succeed(requirement);
        }
    }
}
