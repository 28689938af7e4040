namespace Atende.Accounts;

/// <summary>How people sign in on this desk, set by admins. One row; absent means the defaults.</summary>
public sealed class SignInPolicy
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// <summary>Agents and admins must have two-factor on before they can work (customers are not affected).</summary>
    public bool RequireTwoFactorForStaff { get; private set; }

    public void RequireTwoFactor(bool required) => RequireTwoFactorForStaff = required;
}
