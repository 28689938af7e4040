namespace Atende.Accounts;

/// <summary>
/// Failed sign-ins per email, kept in the database so every node sees them, and counted for unknown
/// emails too — so the throttle does not reveal which emails have accounts.
/// </summary>
public sealed class SignInThrottle
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTime WindowStartedAt { get; set; }

    public bool IsBlocked(DateTime now) => now - WindowStartedAt < Window && Failures >= MaxFailures;

    public TimeSpan RetryAfter(DateTime now) => WindowStartedAt + Window - now;

    public void RecordFailure(DateTime now)
    {
        if (now - WindowStartedAt >= Window)
        {
            WindowStartedAt = now;
            Failures = 0;
        }
        Failures++;
    }
}
