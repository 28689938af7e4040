namespace Atende.Tests;

public sealed class ValidationErrorsTests
{
    [Theory]
    [InlineData("<b>hi</b>", true)]
    [InlineData("</div>", true)]
    [InlineData("<!-- x -->", true)]
    [InlineData("&lt;script&gt;", true)]
    [InlineData("a < b and c > d", false)]
    [InlineData("VPN <-> office", false)]
    public void Markup_in_plain_text_is_recognized(string text, bool markup) => Assert.Equal(markup, ValidationErrors.LooksLikeMarkup(text));

    [Fact]
    public void All_problems_are_reported_at_once_by_field()
    {
        var errors = new ValidationErrors();
        errors.Text("subject", null, 10, required: true);
        errors.Text("name", new string('x', 11), 10);
        errors.Email("email", "nope");
        var e = Assert.Throws<InvalidRequestException>(errors.ThrowIfAny);
        Assert.Equal(["subject", "name", "email"], e.Errors.Keys);
    }
}
