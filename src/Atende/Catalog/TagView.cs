namespace Atende.Catalog;

public sealed record TagView(int Id, string Name, int TicketCount);
