using Atende.Persistence;

namespace Atende.Web.Tests;

/// <summary>Which database the HTTP tests run on; eng/test.sh runs the suite once per provider.</summary>
public static class TestEnvironment
{
    public static DatabaseProvider Provider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("ATENDE_TEST_PROVIDER"), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <summary>A missing server is a failure, never a silent skip: eng/test.sh only asks for Postgres when it started one.</summary>
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ATENDE_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("ATENDE_TEST_PROVIDER=Postgres needs ATENDE_TEST_POSTGRES (a connection string to a server where databases can be created). Run eng/test.sh.");
}

/// <summary>The throw-away Dovecot + OpenSMTPD eng/services/mail.sh starts (eng/test.sh exports where).</summary>
public sealed record MailServerAddress(string ImapHost, int ImapPort, string SmtpHost, int SmtpPort, string Password, IReadOnlyList<string> Users)
{
    /// <summary>Null outside CI when the server is not configured (the tests then skip, saying why); under CI a missing server fails.</summary>
    public static MailServerAddress? FromEnvironment()
    {
        var imap = Environment.GetEnvironmentVariable("ATENDE_TEST_IMAP");
        var smtp = Environment.GetEnvironmentVariable("ATENDE_TEST_SMTP");
        if (string.IsNullOrEmpty(imap) || string.IsNullOrEmpty(smtp))
        {
            return null;
        }
        var (imapHost, imapPort) = Split(imap);
        var (smtpHost, smtpPort) = Split(smtp);
        return new MailServerAddress(imapHost, imapPort, smtpHost, smtpPort,
            Environment.GetEnvironmentVariable("ATENDE_TEST_MAIL_PASSWORD") ?? "atende",
            (Environment.GetEnvironmentVariable("ATENDE_TEST_MAIL_USERS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is "true" or "TRUE" or "True" or "1" or "yes";

    public static MailServerAddress Required =>
        FromEnvironment() ?? throw new InvalidOperationException(
            "The mail server tests need ATENDE_TEST_IMAP and ATENDE_TEST_SMTP (eng/services/mail.sh start; eval \"$(eng/services/mail.sh env)\"). Run eng/test.sh.");

    private static (string Host, int Port) Split(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        return (hostPort[..colon], int.Parse(hostPort[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
