namespace Atende.Email;

public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Atende:Smtp: where outgoing mail goes. Without a Host, mail stays queued (and a log line says so).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender, "Support &lt;support@example.com&gt;" or a bare address.</summary>
    public string? From { get; set; }
    /// <summary>How often a node looks for mail to send, in seconds.</summary>
    public int PollSeconds { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>How MailKit connects for <see cref="Security"/>.</summary>
    public MailKit.Security.SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.None => MailKit.Security.SecureSocketOptions.None,
        SmtpSecurity.StartTls => MailKit.Security.SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => MailKit.Security.SecureSocketOptions.SslOnConnect,
        _ => MailKit.Security.SecureSocketOptions.Auto,
    };
}
