namespace Atende.Catalog;

/// <summary>A status the admin defines; its <see cref="StatusCategory"/> drives SLA clocks and stamps.</summary>
public sealed class TicketStatus
{
    private TicketStatus() { }

    public TicketStatus(string key, string name, StatusCategory category, int position, string color)
    {
        Key = key;
        Name = name;
        Category = category;
        Position = position;
        Color = color;
    }

    public int Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public StatusCategory Category { get; private set; }
    public int Position { get; private set; }
    public string Color { get; private set; } = "#607d8b";

    public void Rename(string name) => Name = name;
    public void MoveTo(int position) => Position = position;
    public void Paint(string color) => Color = color;
    public void Recategorize(StatusCategory category) => Category = category;
}
