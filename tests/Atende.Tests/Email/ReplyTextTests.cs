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
