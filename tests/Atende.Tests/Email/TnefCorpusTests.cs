using System.Text;
using Atende.Email;
using MimeKit;
using Xunit.Abstractions;

namespace Atende.Tests.Email;

/// <summary>
/// Outlook winmail.dat (TNEF) from MimeKit's test data, each sent as the attachment of an email the way Outlook
/// does: the files inside come out as attachments, named as NAME.list says, in order, with the bytes of NAME/.
/// The .list also names the message body: "body.html" becomes the mail's HTML body; "body.rtf" (nothing renders RTF)
/// is kept as a file of that name after the others. MimeKit's extractor finds files upstream's list does not name
/// (long-filename, missing-filenames: named by their attachment record only): the listed names must come out in
/// order, extra files may follow them. One known difference in order: "attachments" (see docs/email.md).
/// </summary>
public sealed class TnefCorpusTests(ITestOutputHelper output)
{
    [MailCorpusFact]
    public void Winmail_dat_attachments_come_out_with_their_names_and_bytes()
    {
        var folder = MailCorpus.Folder("mimekit", "tnef");
        var failures = new List<string>();
        var checkedFiles = 0;
        var lineEndingOnly = 0;
        foreach (var tnef in Directory.GetFiles(folder, "*.tnef").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(tnef);
            var expected = File.ReadAllLines(Path.ChangeExtension(tnef, ".list")).Where(l => l.Length > 0).ToList();
            var files = expected.Where(n => n is not "body.html").ToList();
            var parse = InboundMail.Parse(MailWith(File.ReadAllBytes(tnef)));
            Assert.True(parse.Succeeded, parse.Error);
            var mail = parse.Mail!;
            var extracted = mail.Attachments.Where(a => a.FromTnef).ToList();
            var names = extracted.Select(a => a.NamedBySender || a.FileName == "body.rtf" ? a.FileName : "Untitled Attachment").ToList();
            output.WriteLine($"{name}: [{string.Join(" | ", names)}] expected [{string.Join(" | ", files)}]; text {mail.TextBody?.Length}, html {mail.HtmlBody?.Length}; {string.Join("; ", mail.Warnings)}");
            if (!IsSubsequence(files, names) && !(name == "attachments" && names.Order().SequenceEqual(files.Order())))
            {
                failures.Add($"{name}: [{string.Join(" | ", names)}] expected [{string.Join(" | ", files)}]");
                continue;
            }
            foreach (var attachment in extracted.Where(a => a.NamedBySender))
            {
                var path = Path.Combine(folder, name, attachment.FileName);
                if (File.Exists(path))
                {
                    checkedFiles++;
                    var file = File.ReadAllBytes(path);
                    if (!file.AsSpan().SequenceEqual(attachment.Content))
                    {
                        // Five upstream text files (.htm, .ini, .dat, .cfg) are checked out with LF where the winmail.dat has CRLF.
                        var sameText = WithoutCr(file).SequenceEqual(WithoutCr(attachment.Content));
                        output.WriteLine($"{name}/{attachment.FileName}: {attachment.Content.Length} bytes, file {file.Length}; equal without CR: {sameText}");
                        if (!sameText)
                        {
                            failures.Add($"{name}/{attachment.FileName}: bytes differ");
                        }
                        lineEndingOnly++;
                    }
                }
            }
            if (expected.Contains("body.html"))
            {
                Assert.False(string.IsNullOrWhiteSpace(mail.HtmlBody), $"{name}: the HTML body inside the winmail.dat was not used");
            }
        }
        output.WriteLine($"{checkedFiles} extracted files compared byte for byte; {lineEndingOnly} differ only by CR (upstream checkout)");
        Assert.True(lineEndingOnly <= 5, $"{lineEndingOnly} files differ by line endings");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedFiles >= 10, $"only {checkedFiles} files compared");
    }

    private static byte[] WithoutCr(byte[] bytes) => bytes.Where(b => b != (byte)'\r').ToArray();

    private static bool IsSubsequence(List<string> expected, List<string> actual)
    {
        var at = 0;
        foreach (var name in actual)
        {
            if (at < expected.Count && expected[at] == name)
            {
                at++;
            }
        }
        return at == expected.Count;
    }

    /// <summary>An Outlook-style mail carrying the winmail.dat.</summary>
    private static byte[] MailWith(byte[] tnef)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Outlook User", "outlook@example.com"));
        message.To.Add(new MailboxAddress("Support", "support@example.com"));
        message.Subject = "winmail";
        var attachment = new MimePart("application", "ms-tnef")
        {
            Content = new MimeContent(new MemoryStream(tnef)),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "winmail.dat",
        };
        message.Body = new Multipart("mixed") { new TextPart("plain") { Text = "See attached." }, attachment };
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    [MailCorpusFact]
    public void A_koi8_r_html_body_inside_a_winmail_dat_is_decoded()
    {
        var parse = InboundMail.Parse(MailCorpus.Read("mimekit", "tnef", "ukr.eml"));
        Assert.True(parse.Succeeded, parse.Error);
        var mail = parse.Mail!;
        output.WriteLine(mail.TextBody);
        output.WriteLine(mail.HtmlBody);
        Assert.Contains("шостий", (mail.TextBody ?? "") + (mail.HtmlBody ?? ""), StringComparison.Ordinal);
        _ = Encoding.UTF8;
    }
}
