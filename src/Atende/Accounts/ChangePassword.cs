using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The signed-in person changes their own password, proving they know the current one.</summary>
public sealed class ChangePassword(UserManager<UserAccount> users)
{
    public async Task HandleAsync(ChangePasswordRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors.Add("currentPassword", "is required.");
        }
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors.Add("newPassword", "is required.");
        }
        else if (request.NewPassword.Length > 256)
        {
            errors.Add("newPassword", "must be at most 256 characters.");
        }
        errors.ThrowIfAny();

        var account = await users.FindOwnAccountAsync(caller);
        if (!await users.CheckPasswordAsync(account, request.CurrentPassword!))
        {
            throw InvalidRequestException.For("currentPassword", "is wrong.");
        }
        var result = await users.ChangePasswordAsync(account, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            throw new InvalidRequestException(new Dictionary<string, string[]>
            {
                ["newPassword"] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }
}
