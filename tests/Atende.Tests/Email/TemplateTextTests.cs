using Atende.Email.Templates;

namespace Atende.Tests.Email;

public sealed class TemplateTextTests
{
    private static TemplateValues Values() => new TemplateValues()
        .Set("ticket.number", "1042")
        .Set("ticket.subject", "<script>alert('x')</script> & \"quotes\"")
        .Set("requester.name", "Ana & Co");

    [Fact]
    public void Placeholders_are_replaced_with_or_without_spaces_inside_the_braces()
    {
        Assert.Equal("#1042 for Ana & Co", TemplateText.RenderText("#{{ticket.number}} for {{ requester.name }}", Values()));
    }

    [Fact]
    public void The_html_rendering_encodes_the_templates_text_and_every_plain_value()
    {
        var html = TemplateText.RenderHtml("<b>Hi</b> {{requester.name}}: {{ticket.subject}}", Values());
        Assert.Contains("&lt;b&gt;Hi&lt;/b&gt; Ana &amp; Co: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_html_values_and_links_are_kept_as_markup_in_html_and_as_text_in_text()
    {
        var values = new TemplateValues().SetHtml("message.body", "**Done**", "<p><strong>Done</strong></p>").SetUrl("ticket.url", "https://desk.example/r/1?a=1&b=2");
        var html = TemplateText.RenderHtml("{{message.body}}\n\nSee {{ticket.url}}", values);
        Assert.Contains("<p><strong>Done</strong></p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://desk.example/r/1?a=1&amp;b=2\">https://desk.example/r/1?a=1&amp;b=2</a>", html, StringComparison.Ordinal);
        Assert.Equal("**Done**\n\nSee https://desk.example/r/1?a=1&b=2", TemplateText.RenderText("{{message.body}}\n\nSee {{ticket.url}}", values));
    }

    [Fact]
    public void Missing_and_unknown_placeholders_render_as_nothing()
    {
        Assert.Equal("Hello , #1042", TemplateText.RenderText("Hello {{recipient.name}}, #{{ticket.number}}{{no.such}}", Values()));
    }

    [Fact]
    public void A_section_is_kept_only_when_its_value_is_not_empty()
    {
        const string template = "Resolved.{{#survey.url}} Rate us: {{survey.url}}{{/survey.url}} Bye";
        Assert.Equal("Resolved. Bye", TemplateText.RenderText(template, new TemplateValues()));
        Assert.Equal("Resolved. Bye", TemplateText.RenderText(template, new TemplateValues().SetUrl("survey.url", null)));
        Assert.Equal("Resolved. Rate us: https://x.example/s Bye", TemplateText.RenderText(template, new TemplateValues().SetUrl("survey.url", "https://x.example/s")));
    }

    [Fact]
    public void Blank_lines_make_paragraphs_and_line_breaks_stay_in_html()
    {
        var html = TemplateText.RenderHtml("One\ntwo\n\n\nThree", new TemplateValues());
        Assert.Equal("<div style=\"margin:0 0 1em 0\">One<br>\ntwo</div><div style=\"margin:0 0 1em 0\">Three</div>", html);
    }

    [Fact]
    public void A_subject_is_one_line_whatever_the_values_hold()
    {
        Assert.Equal("Re: a b", TemplateText.RenderLine("Re: {{ticket.subject}}", new TemplateValues().Set("ticket.subject", "a\r\n b")));
    }

    [Fact]
    public void Unbalanced_sections_are_reported_and_names_are_listed()
    {
        Assert.Empty(TemplateText.Problems("{{#a}}x{{/a}}"));
        Assert.Single(TemplateText.Problems("{{#a}}x"));
        Assert.Single(TemplateText.Problems("x{{/a}}"));
        Assert.Equal(["a", "b.c"], TemplateText.NamesIn("{{#a}}{{ b.c }}{{/a}}"));
    }

    [Fact]
    public void Every_built_in_template_exists_in_both_languages_and_uses_only_its_own_placeholders()
    {
        Assert.Equal(11, EmailTemplateDefaults.All.Count);
        foreach (var definition in EmailTemplateDefaults.All)
        {
            foreach (var text in new[] { definition.English, definition.Portuguese })
            {
                Assert.Empty(TemplateText.Problems(text.Body));
                Assert.All(TemplateText.NamesIn(text.Subject + text.Body), name => Assert.Contains(name, definition.Placeholders));
            }
            Assert.Equal(TemplateText.NamesIn(definition.English.Body).Order(), TemplateText.NamesIn(definition.Portuguese.Body).Order());
            Assert.NotEqual(definition.English.Body, definition.Portuguese.Body);
        }
        Assert.Equal("pt-BR", EmailTemplateDefaults.LanguageOf("pt"));
        Assert.Equal("en", EmailTemplateDefaults.LanguageOf("es"));
        Assert.Equal("en", EmailTemplateDefaults.LanguageOf(null));
    }
}
