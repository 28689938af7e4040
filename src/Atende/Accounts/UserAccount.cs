using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

/// <summary>The sign-in identity behind an <see cref="Agents.Agent"/> or a <see cref="Customers.Customer"/>.</summary>
public sealed class UserAccount : IdentityUser<int>
{
    public string Language { get; set; } = "en";
    public string TimeZone { get; set; } = "UTC";
    public DateTime CreatedAt { get; set; }
}
