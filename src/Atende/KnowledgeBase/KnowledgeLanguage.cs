namespace Atende.KnowledgeBase;

/// <summary>The languages articles are written in; the help center shows the reader's one when a translation exists.</summary>
public static class KnowledgeLanguage
{
    public const string English = "en";
    public const string Portuguese = "pt-BR";

    public static IReadOnlyList<string> All { get; } = [English, Portuguese];

    /// <summary>"pt", "pt-br", "pt-BR" → "pt-BR"; anything else that is not English → null.</summary>
    public static string? Parse(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        "en" or "en-us" or "en-gb" => English,
        "pt" or "pt-br" => Portuguese,
        _ => null,
    };

    /// <summary>The reader's preferred language from a culture name, English when it is neither.</summary>
    public static string Preferred(string? cultureName) =>
        cultureName is not null && cultureName.StartsWith("pt", StringComparison.OrdinalIgnoreCase) ? Portuguese : English;
}
