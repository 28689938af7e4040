namespace Atende.Tickets;

/// <summary>Where a request came in.</summary>
public enum Channel
{
    Api = 0,
    Web = 1,
    Portal = 2,
    Email = 3,
    Chat = 4,
    Phone = 5,
}
