using System.Text.RegularExpressions;
using System.Xml.Linq;
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

    [Theory]
    [InlineData("en", "How did we do on request #12?", "was resolved")]
    [InlineData("pt-BR", "Como foi o atendimento da solicitação #12?", "foi resolvida")]
    public void The_invitation_is_written_in_the_requesters_language_with_the_link_and_encoded_html(string language, string subject, string phrase)
    {
        var (mailSubject, text, html) = OfferSatisfactionSurvey.Compose(language, 12, "<b>Printer</b>", "Ana & Co", "https://desk.example/portal/survey/abc");
        Assert.Equal(subject, mailSubject);
        Assert.Contains(phrase, text, StringComparison.Ordinal);
        Assert.Contains("https://desk.example/portal/survey/abc", text, StringComparison.Ordinal);
        Assert.Contains("<b>Printer</b>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Printer&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Ana &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://desk.example/portal/survey/abc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_invitation_texts_exist_in_both_languages_with_the_same_placeholders()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Atende.slnx")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder!.FullName, "src", "Atende", "Surveys");
        var english = Read(Path.Combine(path, "SurveyMailText.resx"));
        var portuguese = Read(Path.Combine(path, "SurveyMailText.pt-BR.resx"));
        Assert.Equal(english.Keys.Order(), portuguese.Keys.Order());
        foreach (var (key, value) in english)
        {
            Assert.Equal(Placeholders(value), Placeholders(portuguese[key]));
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static List<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
