namespace Atende.Surveys;

/// <summary>
/// The requester's answer to "how did we do?" on one ticket: a score from 1 to 5 and an optional comment.
/// The row is created when the survey is offered (the ticket was resolved), so reports can tell offered from
/// answered; <see cref="Score"/> stays null until the requester answers. One row per ticket; the answer may be
/// changed for <see cref="ChangeWindow"/> after it was first given, then it is final.
/// </summary>
public sealed class SatisfactionRating
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxCommentLength = 2000;
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromDays(7);

    private SatisfactionRating() { }

    public SatisfactionRating(int ticketId, int requesterId, DateTime now)
    {
        TicketId = ticketId;
        RequesterId = requesterId;
        OfferedAt = now;
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    /// <summary>The customer asked: the ticket's requester when the survey was offered.</summary>
    public int RequesterId { get; private set; }
    public DateTime OfferedAt { get; private set; }
    public int? Score { get; private set; }
    public string? Comment { get; private set; }
    /// <summary>When the current answer was given (the last change).</summary>
    public DateTime? RatedAt { get; private set; }
    /// <summary>When the first answer was given: the change window starts here.</summary>
    public DateTime? FirstRatedAt { get; private set; }

    public bool IsAnswered => Score is not null;

    /// <summary>Until when the answer may still change; null before the first answer.</summary>
    public DateTime? ChangeableUntil => FirstRatedAt + ChangeWindow;

    public bool CanAnswer(DateTime now) => FirstRatedAt is null || now <= FirstRatedAt.Value + ChangeWindow;

    public void Answer(int score, string? comment, DateTime now)
    {
        if (score is < MinScore or > MaxScore)
        {
            throw InvalidRequestException.For("score", $"must be a whole number from {MinScore} to {MaxScore}.");
        }
        if (!CanAnswer(now))
        {
            throw new BusinessRuleException(
                $"The answer to this survey was given on {FirstRatedAt:yyyy-MM-dd} and could be changed for {ChangeWindow.Days} days; it is final now.");
        }
        Score = score;
        Comment = comment;
        RatedAt = now;
        FirstRatedAt ??= now;
    }
}
