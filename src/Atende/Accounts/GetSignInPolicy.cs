using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record SignInPolicyView(bool RequireTwoFactorForStaff);

/// <summary>The desk's sign-in rules. Every agent may read them (the workspace must know what to ask of them).</summary>
public sealed class GetSignInPolicy(AtendeDb db)
{
    public async Task<SignInPolicyView> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return await ReadAsync(db, ct);
    }

    internal static async Task<SignInPolicyView> ReadAsync(AtendeDb db, CancellationToken ct)
    {
        var policy = await db.SignInPolicies.AsNoTracking().FirstOrDefaultAsync(ct);
        return new SignInPolicyView(policy?.RequireTwoFactorForStaff ?? false);
    }
}
