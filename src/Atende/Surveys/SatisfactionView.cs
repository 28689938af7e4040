namespace Atende.Surveys;

/// <summary>The requester's answer as the ticket shows it (null on the ticket until they answer).</summary>
public sealed record SatisfactionView(int Score, string? Comment, DateTime RatedAt)
{
    public static SatisfactionView? Of(int? score, string? comment, DateTime? ratedAt) =>
        score is { } s && ratedAt is { } at ? new SatisfactionView(s, comment, at) : null;
}
