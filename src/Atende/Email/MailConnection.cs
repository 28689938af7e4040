using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Atende.Email;

/// <summary>Opens a mailbox's IMAP, POP3 or SMTP session with MailKit, and says in an admin's words why one failed.</summary>
internal static class MailConnection
{
    public static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    public static Task<ImapClient> ImapAsync(Mailbox mailbox, IDataProtectionProvider protection, TimeSpan timeout, CancellationToken ct) =>
        SignInAsync(new ImapClient(), mailbox.InboundHost, mailbox.InboundPort, Socket(mailbox.InboundSecurity),
            mailbox.InboundUsername, mailbox.InboundPassword(protection), alwaysSignIn: true, timeout, ct);

    public static Task<Pop3Client> Pop3Async(Mailbox mailbox, IDataProtectionProvider protection, TimeSpan timeout, CancellationToken ct) =>
        SignInAsync(new Pop3Client(), mailbox.InboundHost, mailbox.InboundPort, Socket(mailbox.InboundSecurity),
            mailbox.InboundUsername, mailbox.InboundPassword(protection), alwaysSignIn: true, timeout, ct);

    /// <summary>An SMTP session; without a user name it only connects (a relay that trusts the network).</summary>
    public static Task<SmtpClient> SmtpAsync(string host, int port, SecureSocketOptions security, string? username, string? password, TimeSpan timeout, CancellationToken ct) =>
        SignInAsync(new SmtpClient(), host, port, security, username, password, alwaysSignIn: false, timeout, ct);

    /// <summary>Connects and signs in; the client is disposed when either fails, so a caller only ever holds a working one.</summary>
    private static async Task<TClient> SignInAsync<TClient>(TClient client, string host, int port, SecureSocketOptions security,
        string? username, string? password, bool alwaysSignIn, TimeSpan timeout, CancellationToken ct) where TClient : MailService
    {
        client.Timeout = (int)timeout.TotalMilliseconds;
        try
        {
            await client.ConnectAsync(host, port, security, ct);
            if (alwaysSignIn || !string.IsNullOrEmpty(username))
            {
                await client.AuthenticateAsync(username ?? "", password ?? "", ct);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>What went wrong, for the admin who typed the settings: which part to check, never a stack trace.</summary>
    public static (string Code, string Message) Explain(Exception e, string host, int port, string? folder = null)
    {
        var where = $"{host}:{port}";
        return e switch
        {
            AuthenticationException => ("auth", $"{where} refused the user name or password."),
            SslHandshakeException => ("tls", $"The secure connection to {where} failed: check the security setting (SSL or STARTTLS) and the port."),
            FolderNotFoundException => ("folder", $"The folder '{folder ?? (e as FolderNotFoundException)?.FolderName}' does not exist on {host}."),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => ("refused", $"{where} refused the connection: check the port, and that the server is running."),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => ("host", $"The server name '{host}' could not be found."),
            SocketException s => ("network", $"Could not reach {where}: {s.Message}"),
            TimeoutException or OperationCanceledException or IOException { InnerException: TimeoutException } => ("timeout", $"{where} did not answer in time: check the host, the port and any firewall."),
            NotSupportedException => ("security", $"{where} does not offer what the security setting asks for (for example STARTTLS): {e.Message}"),
            ProtocolException or CommandException or IOException => ("protocol", $"{where} did not answer as expected: check the protocol and the port ({e.Message})."),
            _ => ("error", $"{where}: {e.Message}"),
        };
    }
}
