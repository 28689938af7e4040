using Atende.Catalog;

namespace Atende.Surveys;

/// <summary>Where a survey stands for the person looking at it.</summary>
public enum SurveyState
{
    /// <summary>Resolved and not answered yet: the form is offered.</summary>
    Open,
    /// <summary>Answered and still changeable (until <see cref="SurveyView.ChangeableUntil"/>).</summary>
    Answered,
    /// <summary>Answered and the change window has passed.</summary>
    Final,
    /// <summary>The ticket is not (or no longer) resolved: there is nothing to rate now.</summary>
    NotResolved,
    /// <summary>The emailed link is past its expiry; the requester can still rate after signing in.</summary>
    Expired,
}

/// <summary>
/// A survey as the portal shows it. <see cref="Subject"/> is empty for an expired link: a link that no longer
/// works tells nothing about the ticket.
/// </summary>
public sealed record SurveyView(
    int TicketNumber,
    string? Subject,
    SurveyState State,
    int? Score,
    string? Comment,
    DateTime? RatedAt,
    DateTime? ChangeableUntil,
    string Language)
{
    internal static SurveyView For(int number, string subject, StatusCategory category, int? mergedInto,
        SatisfactionRating? rating, string language, DateTime now)
    {
        var state = !category.IsDone() || mergedInto is not null ? SurveyState.NotResolved
            : rating is not { IsAnswered: true } ? SurveyState.Open
            : rating.CanAnswer(now) ? SurveyState.Answered
            : SurveyState.Final;
        return new SurveyView(number, subject, state, rating?.Score, rating?.Comment, rating?.RatedAt, rating?.ChangeableUntil, language);
    }

    internal static SurveyView ExpiredLink(int number, string language) =>
        new(number, null, SurveyState.Expired, null, null, null, null, language);
}
