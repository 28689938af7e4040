using Atende.KnowledgeBase;

namespace Atende.Tests.KnowledgeBase;

public sealed class ArticleSearchTextTests
{
    [Fact]
    public void Query_terms_drop_the_little_words_of_both_languages_and_keep_the_rest_folded()
    {
        Assert.Equal(["reset", "password"], ArticleQuery.Terms("How do I reset my password?"));
        Assert.Equal(["consigo", "acessar", "vpn"], ArticleQuery.Terms("Eu não consigo acessar a VPN"));
    }

    [Fact]
    public void A_query_of_little_words_only_still_searches_for_them()
    {
        Assert.Equal(["how", "do", "i"], ArticleQuery.Terms("How do I"));
        Assert.Empty(ArticleQuery.Terms("  ?!  "));
    }

    [Fact]
    public void Long_texts_keep_at_most_the_term_cap_in_the_order_written()
    {
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));
        var terms = ArticleQuery.Terms(text);
        Assert.Equal(ArticleQuery.MaxTerms, terms.Count);
        Assert.Equal("word1", terms[0]);
    }

    [Theory]
    [InlineData("Como redefinir a senha?", "como-redefinir-a-senha")]
    [InlineData("  VPN: disconnects -- every hour!  ", "vpn-disconnects-every-hour")]
    [InlineData("???", "article")]
    public void Slugs_are_folded_words_joined_by_dashes(string title, string slug) => Assert.Equal(slug, ArticleSlug.From(title));

    [Fact]
    public void Slugs_are_cut_to_their_maximum_length()
    {
        Assert.True(ArticleSlug.From(new string('a', 300)).Length <= ArticleSlug.MaxLength);
    }

    [Fact]
    public void The_snippet_is_the_window_with_the_matches_and_marks_words_starting_with_a_term_whatever_their_accents()
    {
        var text = "Introdução longa sem nada de interessante. " + string.Concat(Enumerable.Repeat("Texto de enchimento. ", 20))
                   + "Para a configuração da impressora, abra o painel. " + string.Concat(Enumerable.Repeat("Mais texto. ", 20));
        var snippet = ArticleSnippet.For(text, ["configuracao", "impress"]);

        Assert.StartsWith("…", snippet.Text);
        Assert.EndsWith("…", snippet.Text);
        Assert.True(snippet.Text.Length <= ArticleSnippet.Length + 2);
        var marked = snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList();
        Assert.Equal(["configuração", "impressora"], marked);
        Assert.Equal(snippet.Text, string.Concat(snippet.Parts().Select(p => p.Text)));
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_beginning()
    {
        var snippet = ArticleSnippet.For("Short body.", ["absent"]);
        Assert.Equal("Short body.", snippet.Text);
        Assert.Empty(snippet.Highlights);
    }

    [Fact]
    public void Plain_text_of_Markdown_has_no_marks_and_fits_one_line()
    {
        // Raw HTML stays literal text here (snippets are always shown encoded); unsafe HTML never passes validation.
        var plain = ArticleSnippet.PlainText("# Title\n\nSome **bold** and [a link](https://example.com).\n\n- one\n- two");
        Assert.DoesNotContain("**", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", plain, StringComparison.Ordinal);
        Assert.Equal("Title Some bold and a link. one two", plain);
    }
}
