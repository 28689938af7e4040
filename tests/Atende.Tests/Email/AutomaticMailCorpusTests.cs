using System.Diagnostics;
using Atende.Email;
using Xunit.Abstractions;

namespace Atende.Tests.Email;

/// <summary>Real bounces, receipts, reports and auto-replies from MimeKit's and Chatwoot's test data; and real human mail that must stay human.</summary>
public sealed class AutomaticMailCorpusTests(ITestOutputHelper output)
{
    [MailCorpusFact]
    public void Every_MimeKit_test_message_parses_without_throwing()
    {
        foreach (var file in Directory.GetFiles(MailCorpus.Folder("mimekit", "messages")).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var parse = InboundMail.Parse(bytes);
            Assert.Same(bytes, parse.Raw);
            output.WriteLine($"{Path.GetFileName(file)}: {(parse.Succeeded ? $"'{parse.Mail!.Subject}' {parse.Mail.Automatic?.Kind.ToString() ?? "human"}, {parse.Mail.Attachments.Count} attachments" : parse.Error)}");
            Assert.True(parse.Succeeded, $"{file}: {parse.Error}");
        }
    }

    [MailCorpusTheory]
    [InlineData("mimekit/messages/bounce.txt", AutomaticMailKind.Bounce)]
    [InlineData("mimekit/messages/delivery-status.txt", AutomaticMailKind.Bounce)]
    [InlineData("mimekit/messages/delivery-status2.txt", AutomaticMailKind.Bounce)]
    [InlineData("mimekit/messages/delivery-status-multiple-blank-lines.txt", AutomaticMailKind.Bounce)]
    [InlineData("mimekit/messages/delivery-status-no-blank-line.txt", AutomaticMailKind.Bounce)]
    [InlineData("mimekit/messages/delivery-status.anonymized.eml", AutomaticMailKind.Bounce)]
    [InlineData("mimekit/messages/disposition-notification.txt", AutomaticMailKind.ReadReceipt)]
    [InlineData("mimekit/messages/disposition-notification.anonymized.eml", AutomaticMailKind.ReadReceipt)]
    [InlineData("mimekit/messages/feedback-report.txt", AutomaticMailKind.AbuseReport)]
    [InlineData("chatwoot/bounced_gmail.eml", AutomaticMailKind.Bounce)]
    [InlineData("chatwoot/bounced_with_no_from.eml", AutomaticMailKind.Bounce)]
    [InlineData("chatwoot/non_utf_encoded_mail.eml", AutomaticMailKind.AutoReply)]
    public void Reports_bounces_and_auto_replies_are_automatic(string file, AutomaticMailKind kind)
    {
        var parse = InboundMail.Parse(MailCorpus.Read(file.Split('/')));
        Assert.True(parse.Succeeded, parse.Error);
        var automatic = parse.Mail!.Automatic;
        output.WriteLine($"{file}: {automatic}; bounce: {string.Join(", ", automatic?.Bounce?.FailedRecipients ?? [])} {automatic?.Bounce?.Status}");
        Assert.NotNull(automatic);
        Assert.Equal(kind, automatic.Kind);
    }

    [MailCorpusFact]
    public void A_postfix_bounce_names_the_failed_recipient_the_status_and_the_message_that_bounced()
    {
        var mail = InboundMail.Parse(MailCorpus.Read("mimekit", "messages", "bounce.txt")).Mail!;
        var bounce = mail.Automatic!.Bounce!;
        output.WriteLine($"{string.Join(", ", bounce.FailedRecipients)} {bounce.Status} {mail.Automatic.OriginalMessageId}");
        Assert.NotEmpty(bounce.FailedRecipients);
        Assert.All(bounce.FailedRecipients, r => Assert.Contains('@', r));
        Assert.Matches(@"^5\.\d+\.\d+$", bounce.Status);
        Assert.NotNull(mail.Automatic.OriginalMessageId);
    }

    [MailCorpusFact]
    public void A_gmail_bounce_names_the_failed_recipient_and_the_original_message()
    {
        var mail = InboundMail.Parse(MailCorpus.Read("chatwoot", "bounced_gmail.eml")).Mail!;
        var automatic = mail.Automatic!;
        output.WriteLine($"{string.Join(", ", automatic.Bounce!.FailedRecipients)} {automatic.Bounce.Status} {automatic.OriginalMessageId}");
        Assert.NotEmpty(automatic.Bounce.FailedRecipients);
        Assert.NotNull(automatic.Bounce.Status);
        Assert.NotNull(automatic.OriginalMessageId);
    }

    [MailCorpusFact]
    public void A_bounce_whose_sender_address_is_empty_parses_and_is_a_bounce()
    {
        var parse = InboundMail.Parse(MailCorpus.Read("chatwoot", "bounced_with_no_from.eml"));
        Assert.True(parse.Succeeded, parse.Error);
        Assert.Equal(AutomaticMailKind.Bounce, parse.Mail!.Automatic?.Kind);
    }

    [MailCorpusFact]
    public void Human_mail_is_not_automatic()
    {
        var human = new List<string>();
        foreach (var file in Directory.GetFiles(MailCorpus.Folder("stalwart-mail-parser", "legacy"), "*.eml"))
        {
            var mail = InboundMail.Parse(File.ReadAllBytes(file)).Mail;
            Assert.NotNull(mail);
            Assert.True(mail.Automatic is null, $"{file}: {mail.Automatic}");
            human.Add(file);
        }
        foreach (var file in (string[])["mail_with_quote.eml", "multiple_in_reply_to.eml", "references.eml"])
        {
            var mail = InboundMail.Parse(MailCorpus.Read("chatwoot", file)).Mail;
            Assert.NotNull(mail);
            Assert.True(mail.Automatic is null, $"{file}: {mail.Automatic}");
        }
        foreach (var file in (string[])["japanese.txt", "issue358.txt", "multipart-related-mhtml.txt", "body.1.txt", "simple-multipart.eml"])
        {
            var mail = InboundMail.Parse(MailCorpus.Read("mimekit", "messages", file)).Mail;
            Assert.NotNull(mail);
            Assert.True(mail.Automatic is null, $"{file}: {mail.Automatic}");
        }
        Assert.Equal(54, human.Count);
    }

    [MailCorpusFact]
    public void Threading_ids_come_from_every_id_in_In_Reply_To_and_References()
    {
        var multiple = InboundMail.Parse(MailCorpus.Read("chatwoot", "multiple_in_reply_to.eml")).Mail!;
        output.WriteLine(string.Join(" ", multiple.InReplyTo));
        Assert.Equal(2, multiple.InReplyTo.Count);
        var references = InboundMail.Parse(MailCorpus.Read("chatwoot", "references.eml")).Mail!;
        output.WriteLine(string.Join(" ", references.References));
        Assert.Equal(2, references.References.Count);
        Assert.Contains("test-in-reply-to", references.References);
    }

    [MailCorpusFact]
    public void A_gmail_reply_is_trimmed_to_what_the_customer_wrote()
    {
        var mail = InboundMail.Parse(MailCorpus.Read("chatwoot", "mail_with_quote.eml")).Mail!;
        Assert.Equal("Yes, I am providing you step how to reproduce this issue", ReplyText.Trim(mail.TextBody).Text);
    }

    [MailCorpusFact]
    public void Iso_2022_jp_subject_and_body_decode_to_japanese()
    {
        var mail = InboundMail.Parse(MailCorpus.Read("mimekit", "messages", "japanese.txt")).Mail!;
        output.WriteLine(mail.Subject);
        output.WriteLine(mail.TextBody);
        Assert.Equal("日本語メールテスト (testing Japanese emails)", mail.Subject);
        Assert.Contains("日本語が", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("$B", mail.TextBody, StringComparison.Ordinal);
    }

    [MailCorpusFact]
    public void The_nesting_bomb_parses_within_bounded_time_and_memory()
    {
        var bytes = MailCorpus.Read("mimekit", "messages", "stack-overflow.txt");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var parse = InboundMail.Parse(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{bytes.Length} bytes: {parse.Succeeded} {parse.Error} in {clock.ElapsedMilliseconds} ms, {allocated / 1024} KB allocated; {string.Join("; ", parse.Mail?.Warnings ?? [])}");
        Assert.Same(bytes, parse.Raw);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.True(allocated < 200L * 1024 * 1024, $"{allocated} bytes allocated");
    }
}

/// <summary>A theory over the mail test data, skipped like <see cref="MailCorpusFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MailCorpusTheoryAttribute : TheoryAttribute
{
    public MailCorpusTheoryAttribute()
    {
        Skip = new MailCorpusFactAttribute().Skip;
    }
}
