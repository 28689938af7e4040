using Atende.Content;

namespace Atende.Tests.Content;

public sealed class MarkdownBodyTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("hello <img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Dangerous_raw_html_is_refused(string body) => Assert.True(MarkdownBody.ContainsUnsafeHtml(body));

    [Theory]
    [InlineData("The page prints `<script>` in the footer")]
    [InlineData("```html\n<script>alert(1)</script>\n```")]
    [InlineData("if a < b then **bold**")]
    [InlineData("Error onerror=1 in the log text")]
    public void Code_and_plain_text_are_accepted(string body) => Assert.False(MarkdownBody.ContainsUnsafeHtml(body));

    [Fact]
    public void Harmless_raw_html_is_shown_escaped_not_rendered()
    {
        var html = MarkdownBody.ToHtml("a <b>bold</b> claim and **real bold**");
        Assert.Contains("&lt;b&gt;", html);
        Assert.Contains("<strong>real bold</strong>", html);
    }
}
