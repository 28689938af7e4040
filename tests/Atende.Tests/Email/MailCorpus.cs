namespace Atende.Tests.Email;

/// <summary>
/// The mail test data from outside (ATENDE_TEST_DATA, set by eng/test.sh to ../shared/data). Under CI=true a missing
/// folder FAILS the test (<see cref="Folder"/> throws); elsewhere <see cref="MailCorpusFactAttribute"/> skips it and says why.
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

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is "true" or "TRUE" or "True" or "1" or "yes";

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
        if (!MailCorpus.IsCi && (MailCorpus.Root is null || !Directory.Exists(MailCorpus.Root)))
        {
            Skip = $"Mail test data missing (ATENDE_TEST_DATA={Environment.GetEnvironmentVariable("ATENDE_TEST_DATA") ?? "unset"}); eng/test.sh sets it. Under CI=true this fails.";
        }
    }
}
