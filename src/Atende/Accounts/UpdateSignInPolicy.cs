using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record UpdateSignInPolicyRequest(bool? RequireTwoFactorForStaff);

/// <summary>Admins decide whether staff must use two-factor authentication.</summary>
public sealed class UpdateSignInPolicy(AtendeDb db)
{
    public async Task<SignInPolicyView> HandleAsync(UpdateSignInPolicyRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var policy = await db.SignInPolicies.FirstOrDefaultAsync(ct);
        if (policy is null)
        {
            policy = new SignInPolicy();
            db.SignInPolicies.Add(policy);
        }
        if (request.RequireTwoFactorForStaff is { } required)
        {
            policy.RequireTwoFactor(required);
        }
        await db.SaveChangesAsync(ct);
        return new SignInPolicyView(policy.RequireTwoFactorForStaff);
    }
}
