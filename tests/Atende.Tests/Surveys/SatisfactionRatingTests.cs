using Atende.Surveys;
using Microsoft.AspNetCore.DataProtection;

namespace Atende.Tests.Surveys;

public sealed partial class SatisfactionRatingTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_offer_has_no_score_until_answered_and_the_change_window_starts_at_the_first_answer()
    {
        var rating = new SatisfactionRating(7, 3, Now);
        Assert.False(rating.IsAnswered);
        Assert.Null(rating.ChangeableUntil);

        rating.Answer(2, "slow", Now.AddDays(1));
        rating.Answer(4, null, Now.AddDays(7));
        Assert.Equal((4, (string?)null, Now.AddDays(7)), (rating.Score, rating.Comment, rating.RatedAt));
        Assert.Equal(Now.AddDays(8), rating.ChangeableUntil);
        Assert.True(rating.CanAnswer(Now.AddDays(8)));
        Assert.False(rating.CanAnswer(Now.AddDays(8).AddSeconds(1)));
        Assert.Throws<BusinessRuleException>(() => rating.Answer(5, null, Now.AddDays(8).AddSeconds(1)));
        Assert.Equal(4, rating.Score);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_score_outside_1_to_5_is_refused(int score) =>
        Assert.Throws<InvalidRequestException>(() => new SatisfactionRating(1, 1, Now).Answer(score, null, Now));

    [Fact]
    public void A_link_reads_back_what_it_was_made_with_and_anything_else_reads_as_nothing()
    {
        var protection = new EphemeralDataProtectionProvider();
        var link = SurveyLink.For(1042, 17, Now);
        var token = link.Protect(protection);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(link, SurveyLink.Read(protection, token));
        Assert.Equal(Now + SurveyLink.Lifetime, link.ExpiresAt);
        Assert.False(link.IsExpired(Now + SurveyLink.Lifetime));
        Assert.True(link.IsExpired(Now + SurveyLink.Lifetime + TimeSpan.FromSeconds(1)));

        var flipped = token[..10] + (token[10] == 'a' ? 'b' : 'a') + token[11..];
        Assert.Null(SurveyLink.Read(protection, flipped));
        Assert.Null(SurveyLink.Read(protection, token[..^2]));
        Assert.Null(SurveyLink.Read(protection, "%%%"));
        Assert.Null(SurveyLink.Read(protection, ""));
        // Another installation's keys (or another purpose) cannot read it.
        Assert.Null(SurveyLink.Read(new EphemeralDataProtectionProvider(), token));
    }
}
