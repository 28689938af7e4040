namespace Atende.Catalog;

public sealed record StatusView(int Id, string Key, string Name, StatusCategory Category, int Position, string Color)
{
    public static StatusView Of(TicketStatus status) =>
        new(status.Id, status.Key, status.Name, status.Category, status.Position, status.Color);
}
