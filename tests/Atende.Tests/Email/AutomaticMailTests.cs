using System.Text;
using Atende.Email;
using MimeKit;

namespace Atende.Tests.Email;

public sealed class AutomaticMailTests
{
    private static AutomaticMail? Classify(string headers, string body = "Hello")
    {
        var raw = $"From: Someone <someone@example.com>\r\nTo: support@example.com\r\n{headers.ReplaceLineEndings("\r\n").TrimEnd()}\r\n\r\n{body}";
        return AutomaticMail.Classify(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw))));
    }

    [Theory]
    [InlineData("Subject: Printer broken")]
    [InlineData("Subject: Out of office next week - who covers?")]
    [InlineData("Subject: Absence request")]
    [InlineData("Auto-Submitted: no\r\nSubject: hi")]
    [InlineData("X-Auto-Response-Suppress: none\r\nSubject: hi")]
    [InlineData("Precedence: first-class\r\nSubject: hi")]
    [InlineData("Return-Path: <someone@example.com>\r\nSubject: hi")]
    public void Mail_a_person_wrote_is_not_automatic(string headers) => Assert.Null(Classify(headers));

    [Theory]
    [InlineData("X-Atende-Loop: desk.example.com", AutomaticMailKind.OwnMail)]
    [InlineData("Auto-Submitted: auto-replied\r\nSubject: Automatic reply: Printer broken", AutomaticMailKind.OutOfOffice)]
    [InlineData("Auto-Submitted: auto-generated", AutomaticMailKind.AutoReply)]
    [InlineData("X-Autoreply: yes", AutomaticMailKind.AutoReply)]
    [InlineData("X-Autorespond: vacation", AutomaticMailKind.AutoReply)]
    [InlineData("X-Auto-Response-Suppress: All", AutomaticMailKind.AutoReply)]
    [InlineData("Precedence: auto_reply", AutomaticMailKind.AutoReply)]
    [InlineData("Subject: Resposta automática: Impressora", AutomaticMailKind.OutOfOffice)]
    [InlineData("Subject: Out of Office: Printer broken", AutomaticMailKind.OutOfOffice)]
    [InlineData("Return-Path: <>", AutomaticMailKind.AutoReply)]
    [InlineData("Precedence: bulk", AutomaticMailKind.Bulk)]
    [InlineData("Precedence: junk", AutomaticMailKind.Bulk)]
    [InlineData("Precedence: list", AutomaticMailKind.MailingList)]
    [InlineData("List-Id: <users.lists.example.com>", AutomaticMailKind.MailingList)]
    [InlineData("X-Failed-Recipients: gone@example.com", AutomaticMailKind.Bounce)]
    public void Automatic_mail_is_recognised_by_its_headers(string headers, AutomaticMailKind kind) => Assert.Equal(kind, Classify(headers)?.Kind);

    [Fact]
    public void A_non_standard_bounce_from_the_mailer_daemon_names_the_failed_recipient_and_status()
    {
        var raw = """
            From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
            To: support@example.com
            Subject: Undelivered Mail Returned to Sender
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.

            <gone@customer.example>: host mx.customer.example said: 550 5.1.1 User unknown
            """;
        var automatic = AutomaticMail.Classify(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")))));
        Assert.Equal(AutomaticMailKind.Bounce, automatic?.Kind);
        Assert.Equal(["gone@customer.example"], automatic!.Bounce!.FailedRecipients);
        Assert.Equal("5.1.1", automatic.Bounce.Status);
    }

    [Fact]
    public void A_delivery_status_report_names_the_failed_recipients_and_the_message_we_sent()
    {
        var raw = """
            From: Mail Delivery Subsystem <mailer-daemon@example.org>
            To: support@example.com
            Subject: Delivery Status Notification (Failure)
            Content-Type: multipart/report; report-type=delivery-status; boundary="x"

            --x
            Content-Type: text/plain

            Delivery failed.
            --x
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org

            Final-Recipient: rfc822; ok@customer.example
            Action: delivered
            Status: 2.0.0

            Final-Recipient: rfc822; gone@customer.example
            Action: failed
            Status: 5.1.1
            --x
            Content-Type: message/rfc822

            From: support@example.com
            Message-ID: <atende-42-638000000000000000@example.com>
            Subject: Re: Printer [#1042]

            Hello
            --x--
            """;
        var automatic = AutomaticMail.Classify(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")))));
        Assert.Equal(AutomaticMailKind.Bounce, automatic?.Kind);
        Assert.Equal(["gone@customer.example"], automatic!.Bounce!.FailedRecipients);
        Assert.Equal("5.1.1", automatic.Bounce.Status);
        Assert.Equal("atende-42-638000000000000000@example.com", automatic.OriginalMessageId);
    }
}
