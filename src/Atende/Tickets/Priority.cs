namespace Atende.Tickets;

/// <summary>Higher value = more urgent, so "-priority" sorts the most urgent first.</summary>
public enum Priority
{
    Low = 1,
    Normal = 2,
    High = 3,
    Urgent = 4,
}
