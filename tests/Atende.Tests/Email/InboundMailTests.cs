using System.Text;
using Atende.Email;

namespace Atende.Tests.Email;

public sealed class InboundMailTests
{
    private static InboundMail Parse(string raw) => Parse(Encoding.Latin1.GetBytes(raw.ReplaceLineEndings("\r\n")));

    private static InboundMail Parse(byte[] raw)
    {
        var parse = InboundMail.Parse(raw);
        Assert.True(parse.Succeeded, parse.Error);
        return parse.Mail!;
    }

    [Fact]
    public void Reads_the_headers_a_ticket_needs()
    {
        var mail = Parse("""
            From: =?utf-8?Q?Jo=C3=A3o_Silva?= <joao@example.com.br>
            To: Support <support@example.com>, other@example.com
            Cc: "Ana" <ana@example.com.br>
            Reply-To: joao.pessoal@example.com
            Subject: =?iso-8859-1?Q?Impressora_n=E3o_imprime?=
            Date: Tue, 24 Nov 2026 10:15:00 -0300
            Message-ID: <abc@mail.example.com.br>
            In-Reply-To: <atende-7-1@example.com>
             <atende-8-2@example.com>
            References: <first@example.com> <atende-7-1@example.com>
            Content-Type: text/plain; charset=utf-8

            Olá
            """);
        Assert.Equal(new EmailAddress("joao@example.com.br", "João Silva"), mail.From);
        Assert.Equal(["support@example.com", "other@example.com"], mail.To.Select(a => a.Address));
        Assert.Equal("Ana", Assert.Single(mail.Cc).Name);
        Assert.Equal("joao.pessoal@example.com", Assert.Single(mail.ReplyTo).Address);
        Assert.Equal("Impressora não imprime", mail.Subject);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.FromHours(-3)), mail.Date);
        Assert.Equal("abc@mail.example.com.br", mail.MessageId);
        Assert.Equal(["atende-7-1@example.com", "atende-8-2@example.com"], mail.InReplyTo);
        Assert.Equal(["first@example.com", "atende-7-1@example.com"], mail.References);
        Assert.Equal(["atende-7-1@example.com", "atende-8-2@example.com", "first@example.com"], mail.ThreadIds);
        Assert.Null(mail.Automatic);
    }

    [Fact]
    public void Undeclared_8bit_text_that_is_not_utf8_is_read_as_windows_1252()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: Caf\u00e9\r\nContent-Type: text/plain\r\n\r\n")
            .Concat(new byte[] { 0x93, 0x4F, 0x6C, 0xE1, 0x94, 0x20, 0x80, 0x35 }).ToArray();
        raw[raw.AsSpan().IndexOf("Caf"u8) + 3] = 0xE9;
        var mail = Parse(raw);
        Assert.Equal("Café", mail.Subject);
        Assert.Equal("\u201cOlá\u201d €5", mail.TextBody);
    }

    [Fact]
    public void Undeclared_8bit_text_that_is_utf8_is_read_as_utf8_and_a_wrong_us_ascii_label_is_ignored()
    {
        var header = "From: a@example.com\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"u8.ToArray();
        Assert.Equal("Olá, ação", Parse([.. header, .. Encoding.UTF8.GetBytes("Olá, ação")]).TextBody);
        Assert.Equal("Olá", Parse([.. header, .. Encoding.Latin1.GetBytes("Olá")]).TextBody);
    }

    [Fact]
    public void Html_is_sanitized_and_inline_images_stay_as_attachments_referenced_by_cid()
    {
        var mail = Parse("""
            From: a@example.com
            Subject: screenshot
            Content-Type: multipart/related; boundary="r"

            --r
            Content-Type: text/html; charset=utf-8

            <p onclick="steal()">See <img src="cid:shot1@example.com"></p><script>alert(1)</script>
            --r
            Content-Type: image/png
            Content-ID: <shot1@example.com>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --r--
            """);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("src=\"cid:shot1@example.com\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("script", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", mail.HtmlBody, StringComparison.Ordinal);
        var image = Assert.Single(mail.Attachments);
        Assert.True(image.IsInline);
        Assert.Equal("shot1@example.com", image.ContentId);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, image.Content);
        Assert.False(image.NamedBySender);
        Assert.Equal("attachment-1.png", image.FileName);
        Assert.Equal("See", mail.TextBody);
    }

    [Fact]
    public void An_html_only_mail_gets_a_text_body_with_quotes_marked()
    {
        var mail = Parse("""
            From: a@example.com
            Content-Type: text/html; charset=utf-8

            <div>Thanks, it works now.</div><div>On Mon, Nov 23, 2026 at 9:00 AM Support &lt;support@example.com&gt; wrote:</div><blockquote><p>Try again</p></blockquote>
            """);
        Assert.Equal("Thanks, it works now.\n\nOn Mon, Nov 23, 2026 at 9:00 AM Support <support@example.com> wrote:\n\n> Try again", mail.TextBody);
        Assert.Equal("Thanks, it works now.", ReplyText.Trim(mail.TextBody).Text);
    }

    [Fact]
    public void Attachments_keep_their_names_types_and_bytes()
    {
        var mail = Parse("""
            From: a@example.com
            Content-Type: multipart/mixed; boundary="m"

            --m
            Content-Type: text/plain

            Invoice attached.
            --m
            Content-Type: application/pdf; name="fatura.pdf"
            Content-Disposition: attachment; filename*=utf-8''fatura%20n%C2%BA%201.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQ=
            --m--
            """);
        Assert.Equal("Invoice attached.", mail.TextBody);
        var pdf = Assert.Single(mail.Attachments);
        Assert.Equal("fatura nº 1.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("%PDF-1.4"u8.ToArray(), pdf.Content);
        Assert.False(pdf.IsInline);
        Assert.True(pdf.NamedBySender);
    }

    [Fact]
    public void What_cannot_be_read_fails_with_the_error_and_the_exact_bytes()
    {
        byte[] empty = [];
        var parse = InboundMail.Parse(empty);
        Assert.False(parse.Succeeded);
        Assert.NotNull(parse.Error);
        Assert.Same(empty, parse.Raw);
    }

    [Fact]
    public void A_message_over_the_size_limit_is_kept_raw_and_not_parsed()
    {
        var huge = new byte[InboundMail.MaxBytes + 1];
        var parse = InboundMail.Parse(huge);
        Assert.False(parse.Succeeded);
        Assert.Contains("bytes", parse.Error, StringComparison.Ordinal);
        Assert.Same(huge, parse.Raw);
    }

    [Fact]
    public void Past_the_part_limit_the_rest_is_not_read_and_a_warning_says_so()
    {
        var raw = new StringBuilder("From: a@example.com\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (var i = 0; i < InboundMail.MaxParts + 50; i++)
        {
            raw.Append("--b\r\nContent-Type: application/octet-stream; name=\"f").Append(i).Append(".bin\"\r\n\r\nx\r\n");
        }
        raw.Append("--b--\r\n");
        var mail = Parse(raw.ToString());
        Assert.True(mail.Attachments.Count < InboundMail.MaxParts);
        Assert.Contains(mail.Warnings, w => w.Contains("MIME parts", StringComparison.Ordinal));
    }

    [Fact]
    public void Deep_nesting_is_cut_at_the_depth_limit()
    {
        var raw = new StringBuilder("From: a@example.com\r\n");
        const int depth = 2000;
        for (var i = 0; i < depth; i++)
        {
            raw.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
        }
        raw.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        var parse = InboundMail.Parse(Encoding.ASCII.GetBytes(raw.ToString()));
        Assert.True(parse.Succeeded || parse.Error is not null);
    }
}

public sealed class InboundMailHeaderWordTests
{
    [Fact]
    public void Utf7_and_iso_2022_jp_words_in_names_and_subjects_are_decoded()
    {
        // "Frösche" in UTF-7 (old Outlook) and "日本" in ISO-2022-JP.
        // ESC $ B "F|K\" ESC ( B, written out: the test must not depend on the code-pages provider being registered.
        const string jis = "GyRCRnxLXBsoQg==";
        var raw = $"From: =?iso-2022-jp?B?{jis}?= <jp@example.jp>\r\nTo: =?unicode-1-1-utf-7?Q?Fr+APY-sche?= <f@example.de>\r\nSubject: =?utf-7?Q?Fr+APY-sche?=\r\n\r\nx";
        var mail = InboundMail.Parse(System.Text.Encoding.ASCII.GetBytes(raw)).Mail!;
        Assert.Equal(new EmailAddress("jp@example.jp", "日本"), mail.From);
        Assert.Equal("Frösche", Assert.Single(mail.To).Name);
        Assert.Equal("Frösche", mail.Subject);
    }
}
