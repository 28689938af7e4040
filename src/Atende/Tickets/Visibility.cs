namespace Atende.Tickets;

/// <summary>Public messages reach the customer; internal notes never do, by any path.</summary>
public enum Visibility
{
    Public = 0,
    Internal = 1,
}
