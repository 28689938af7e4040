namespace Atende.Tickets;

/// <summary>A public reply or an internal note on a ticket. Body is Markdown; raw HTML in it is never rendered.</summary>
public sealed class Message
{
    private Message() { }

    public Message(Accounts.Caller author, string body, Visibility visibility, DateTime now)
    {
        AuthorAgentId = author.AgentId;
        AuthorCustomerId = author.CustomerId;
        AuthorName = author.Name;
        Body = body;
        Visibility = visibility;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public Visibility Visibility { get; private set; }
    public string Body { get; private set; } = "";
    public int? AuthorAgentId { get; private set; }
    public int? AuthorCustomerId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public List<Attachment> Attachments { get; private set; } = [];

    public bool IsFromStaff => AuthorCustomerId is null;
}
