using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

/// <summary>The Identity account of the person calling, for the use cases that change their own sign-in.</summary>
public static class OwnAccount
{
    public static async Task<UserAccount> FindOwnAccountAsync(this UserManager<UserAccount> users, Caller caller) =>
        await users.FindByIdAsync((caller.AccountId ?? throw new ForbiddenException("Only a signed-in person has an account.")).ToString(CultureInfo.InvariantCulture))
            ?? throw new NotFoundException("No such account.");
}
