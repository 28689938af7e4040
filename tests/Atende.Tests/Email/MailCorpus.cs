namespace Atende.Tests.Email;

/// <summary>
/// The mail test data from outside (ATENDE_TEST_DATA, set by eng/test.sh to ../shared/data). The data is not part of
/// the repository (its licences forbid shipping it), so where it is absent <see cref="MailCorpusFactAttribute"/> skips
/// the test and says why, and eng/test.sh's summary warns; a folder named but missing fails.
/// </summary>
internal static class MailCorpus
{
    public static string? Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("ATENDE_TEST_DATA");
            return string.IsNullOrWhiteSpace(configured) ? null : Path.Combine(configured, "mail");
        }
    }

    public static string Folder(params string[] parts)
    {
        var root = Root ?? throw new InvalidOperationException("ATENDE_TEST_DATA is not set; run the tests through eng/test.sh.");
        var folder = Path.Combine([root, .. parts]);
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"Mail test data not found: {folder}");
    }

    public static byte[] Read(params string[] parts) => File.ReadAllBytes(Path.Combine(Folder(parts[..^1]), parts[^1]));
}

/// <summary>A fact over the mail test data: skipped (with the reason) when it is missing outside CI, run — and failing — under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MailCorpusFactAttribute : FactAttribute
{
    public MailCorpusFactAttribute()
    {
        if (MailCorpus.Root is null)
        {
            Skip = "Mail test data not found (ATENDE_TEST_DATA unset; eng/test.sh sets it to ../shared/data when it exists).";
        }
    }
}
