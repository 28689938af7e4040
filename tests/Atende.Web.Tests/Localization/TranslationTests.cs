using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Atende.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Atende.Web.Tests.Localization;

/// <summary>Every UI string exists in English and in Brazilian Portuguese, with the same placeholders.</summary>
public sealed partial class TranslationTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryRoot(), "src", "Atende.Web", "Resources");

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder, "*.resx").Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal)))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Each_English_string_has_a_Portuguese_translation_with_the_same_placeholders(string set)
    {
        var english = Read(Path.Combine(ResourcesFolder, $"{set}.resx"));
        var portugueseFile = Path.Combine(ResourcesFolder, $"{set}.pt-BR.resx");
        Assert.True(File.Exists(portugueseFile), $"{set}.pt-BR.resx is missing.");
        var portuguese = Read(portugueseFile);

        Assert.Empty(english.Keys.Except(portuguese.Keys));
        Assert.Empty(portuguese.Keys.Except(english.Keys));
        foreach (var (key, value) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"{set}: '{key}' is empty in English.");
            Assert.False(string.IsNullOrWhiteSpace(portuguese[key]), $"{set}: '{key}' is empty in Portuguese.");
            Assert.Equal(Placeholders(value), Placeholders(portuguese[key]));
        }
    }

    [Fact]
    public void The_workspace_speaks_Portuguese_to_a_Portuguese_reader()
    {
        using var factory = new AtendeFactory();
        var text = factory.Services.GetRequiredService<IStringLocalizer<SharedText>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("pt-BR");
            Assert.Equal("Sair", text["Nav.SignOut"]);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Sign out", text["Nav.SignOut"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Atende.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Atende.slnx not found above the test folder.");
    }
}
