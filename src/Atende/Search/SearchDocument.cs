namespace Atende.Search;

public enum SearchDocumentKind
{
    /// <summary>Subject and custom field values of a ticket.</summary>
    Ticket = 0,
    Message = 1,
    Customer = 2,
    /// <summary>Title and body of a published knowledge-base article (ranked, title weighted above body).</summary>
    Article = 3,
}

/// <summary>
/// One searchable piece of text, already folded (lower case, accents removed) so both engines match
/// "configuração" with "configuracao". The engines index <see cref="Text"/>: SQLite through an FTS5 table
/// kept in step by triggers, PostgreSQL through a stored tsvector column with a GIN index.
/// </summary>
public sealed class SearchDocument
{
    public long Id { get; set; }
    public SearchDocumentKind Kind { get; set; }
    public int? TicketId { get; set; }
    public int? MessageId { get; set; }
    public int? CustomerId { get; set; }
    public int? KnowledgeArticleId { get; set; }
    /// <summary>A heading indexed apart from the text so it weighs more in the ranking (articles only).</summary>
    public string? Title { get; set; }
    /// <summary>Internal notes are indexed as internal so a customer's search can never match them.</summary>
    public Tickets.Visibility Visibility { get; set; }
    public string Text { get; set; } = "";
}
