namespace Atende.Agents;

/// <summary>
/// How an agent is mentioned in a message: <c>@</c> and the local part of their email (<c>@ana.souza</c>). The email is
/// unique, so the handle names one person even when two share a name; it is stable while the person keeps their address.
/// </summary>
public static class Mention
{
    public static string HandleOf(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? email : email[..at];
    }
}
