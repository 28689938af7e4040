namespace Atende.KnowledgeBase;

/// <summary>A request that was never sent because an article answered it ("this solved my problem").</summary>
public sealed class KnowledgeDeflection
{
    public const int SubjectMaxLength = 300;

    private KnowledgeDeflection() { }

    public KnowledgeDeflection(int articleId, string? subject, int? customerId, DateTime now)
    {
        ArticleId = articleId;
        Subject = subject;
        CustomerId = customerId;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public int ArticleId { get; private set; }
    public string? Subject { get; private set; }
    public int? CustomerId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
