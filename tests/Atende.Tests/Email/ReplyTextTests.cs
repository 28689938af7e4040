using Atende.Email;
using Xunit.Abstractions;

namespace Atende.Tests.Email;

public sealed class ReplyTextTests(ITestOutputHelper output)
{
    /// <summary>Measured: raise it when the trimmer gets better, never lower it.</summary>
    private const int MeasuredMatches = 64;

    [MailCorpusFact]
    public void Trims_the_discourse_corpus_replies_to_their_expected_text()
    {
        var folder = MailCorpus.Folder("discourse-email-reply-trimmer");
        var files = Directory.GetFiles(Path.Combine(folder, "emails"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var misses = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var expected = File.ReadAllText(Path.Combine(folder, "trimmed", name)).Trim();
            var actual = ReplyText.Trim(File.ReadAllText(file)).Text.Trim();
            if (Normalize(actual) != Normalize(expected))
            {
                misses.Add(name);
                output.WriteLine($"--- {name}\nexpected:\n{expected}\nactual:\n{actual}\n");
            }
        }
        var matches = files.Count - misses.Count;
        output.WriteLine($"{matches} of {files.Count} match; misses: {string.Join(", ", misses)}");
        Console.WriteLine($"Reply trimming: {matches} of {files.Count} match");
        Assert.Equal(64, files.Count);
        Assert.True(matches >= MeasuredMatches, $"{matches} of {files.Count} match, below the measured {MeasuredMatches}: {string.Join(", ", misses)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

public sealed class ReplyTextRulesTests
{
    [Theory]
    [InlineData("Obrigado, resolvido.\n\nEm seg., 23 de nov. de 2026 às 10:15, Suporte <suporte@example.com> escreveu:\n\n> Tente de novo.", "Obrigado, resolvido.")]
    [InlineData("Segue.\n\nDe: Suporte <suporte@example.com>\nEnviado: segunda-feira, 23 de novembro de 2026 10:15\nPara: Ana <ana@example.com>\nAssunto: RE: Impressora\n\nTente de novo.", "Segue.")]
    [InlineData("Done.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nTry again.", "Done.")]
    [InlineData("It works.\n\nSent from my iPhone", "It works.")]
    [InlineData("It works.\n\n-- \nAna Souza\nACME", "It works.")]
    [InlineData("It works.\n\n> Try again\n> please", "It works.")]
    public void Quotes_headers_and_signatures_are_cut(string body, string expected)
    {
        var trimmed = ReplyText.Trim(body);
        Assert.Equal(expected, trimmed.Text);
        Assert.True(trimmed.WasTrimmed);
    }

    [Theory]
    [InlineData("On Monday I wrote the documentation.\nIt is on the wiki.")]
    [InlineData("From: the finance team, we need access to the reports.\nThanks")]
    [InlineData("Steps:\n1. open\n2. close")]
    [InlineData("Hello,\n\nI can't log in from my iPhone.")]
    [InlineData("Olá,\n\nEnviado de volta para o fornecedor ontem.")]
    [InlineData("Hi,\n\nSent with the wrong attachment, sorry.")]
    public void Ordinary_text_is_kept_whole(string body)
    {
        var trimmed = ReplyText.Trim(body);
        Assert.Equal(body, trimmed.Text);
        Assert.False(trimmed.WasTrimmed);
    }

    [Fact]
    public void What_was_cut_is_kept()
    {
        var trimmed = ReplyText.Trim("Yes.\r\n\r\nOn Mon, Nov 23, 2026 at 9:00 AM Support <s@example.com> wrote:\r\n> Is it fixed?");
        Assert.Equal("Yes.", trimmed.Text);
        Assert.Equal("On Mon, Nov 23, 2026 at 9:00 AM Support <s@example.com> wrote:\n> Is it fixed?", trimmed.Removed);
    }
}
