using Atende.Search;

namespace Atende.Tests.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Configuração", "configuracao")]
    [InlineData("AÇÃO Não", "acao nao")]
    [InlineData("Über café", "uber cafe")]
    public void Folding_removes_accents_and_case(string text, string folded) => Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Query_terms_keep_only_words_so_no_engine_syntax_gets_through()
    {
        Assert.Equal(["vpn", "nao", "conecta", "or", "1"], SearchText.Terms("VPN \"não\" conecta* OR 1=1"));
        Assert.Empty(SearchText.Terms("\"*:&|!()"));
    }

    [Fact]
    public void At_most_eight_distinct_terms_are_used()
    {
        Assert.Equal(8, SearchText.Terms("a b c d e f g h i j k a b").Count);
    }
}
