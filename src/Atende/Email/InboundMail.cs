using Atende.Content;
using MimeKit;
using MimeKit.Tnef;
using MimeKit.Utils;

namespace Atende.Email;

/// <summary>A person on an email: the address as written (never empty) and the display name, decoded.</summary>
public sealed record EmailAddress(string Address, string? Name)
{
    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"{Name} <{Address}>";
}

/// <summary>
/// A file carried by an email. Inline images (Content-Disposition inline, or a Content-Id inside multipart/related)
/// are attachments too, with <see cref="IsInline"/> set: the HTML body refers to them as <c>cid:ContentId</c>.
/// Files that came out of an Outlook winmail.dat have <see cref="FromTnef"/> set; the winmail.dat itself is not kept
/// as an attachment when it could be opened (the raw message still has it). <see cref="FileName"/> is never empty:
/// when the sender gave none (<see cref="NamedBySender"/> false) it is made from the subject of an attached
/// message or is "attachment-N" with the extension of the content type.
/// </summary>
public sealed record InboundAttachment(string FileName, string ContentType, byte[] Content, string? ContentId, bool IsInline,
    bool FromTnef = false, bool NamedBySender = true);

/// <summary>
/// An email as Atende reads it: decoded headers, UTF-8 bodies (the HTML one sanitized), the threading ids and the
/// attachments. Built only by <see cref="Parse"/>, which never throws and always keeps the exact bytes.
/// </summary>
public sealed class InboundMail
{
    /// <summary>Larger messages are not parsed at all; they are kept raw as failed.</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    /// <summary>Deeper MIME nesting is read as opaque leaf parts (MimeKit stops recursing), so a nesting bomb cannot overflow the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>Parts beyond this many are not read; the message is still delivered with a warning.</summary>
    public const int MaxParts = 500;

    private static readonly ParserOptions Options = CreateOptions();

    private InboundMail() { }

    public string Subject { get; private init; } = "";
    public EmailAddress? From { get; private init; }
    public IReadOnlyList<EmailAddress> To { get; private init; } = [];
    public IReadOnlyList<EmailAddress> Cc { get; private init; } = [];
    public IReadOnlyList<EmailAddress> ReplyTo { get; private init; } = [];
    /// <summary>The envelope recipients the receiving servers recorded (Delivered-To, X-Original-To, Envelope-To): where a
    /// reply address token survives when the sender's client dropped it from To and Cc (Bcc, forwarding).</summary>
    public IReadOnlyList<string> DeliveredTo { get; private init; } = [];
    public DateTimeOffset? Date { get; private init; }
    /// <summary>The Message-ID without angle brackets; null when the sender gave none.</summary>
    public string? MessageId { get; private init; }
    /// <summary>Every id in In-Reply-To (some clients put more than one), in order, without angle brackets.</summary>
    public IReadOnlyList<string> InReplyTo { get; private init; } = [];
    /// <summary>Every id in References, oldest first, without angle brackets.</summary>
    public IReadOnlyList<string> References { get; private init; } = [];
    /// <summary>The plain text body; when the mail has only HTML, a text rendering of it.</summary>
    public string? TextBody { get; private init; }
    /// <summary>The HTML body, sanitized (<see cref="SafeHtml"/>); inline images stay as <c>cid:</c> references.</summary>
    public string? HtmlBody { get; private init; }
    public IReadOnlyList<InboundAttachment> Attachments { get; private init; } = [];
    /// <summary>Null for mail a person wrote; otherwise why it must not open a ticket nor be answered automatically.</summary>
    public AutomaticMail? Automatic { get; private init; }
    /// <summary>What was read leniently or left out (part limit reached, a winmail.dat that could not be opened...).</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    /// <summary>In-Reply-To first, then References newest first, without repeats: the order to look for a known message in.</summary>
    public IEnumerable<string> ThreadIds => InReplyTo.Concat(References.Reverse()).Distinct(StringComparer.Ordinal);

    /// <summary>Reads an email. Never throws for bad input: what cannot be read comes back failed, with the error and the same bytes.</summary>
    public static InboundMailParse Parse(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length > MaxBytes)
        {
            return InboundMailParse.Failed(raw, $"The message is {raw.Length:N0} bytes; at most {MaxBytes:N0} are read.");
        }
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            var message = MimeMessage.Load(Options, stream);
            return InboundMailParse.Parsed(raw, FromMime(message));
        }
        // Any failure, even a bug in a parser, must leave the mail stored raw rather than lost; only running out of
        // memory is let through (the process is in no state to store anything).
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InboundMailParse.Failed(raw, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static InboundMail FromMime(MimeMessage message)
    {
        var reader = new BodyReader();
        if (message.Body is not null)
        {
            reader.Read(message.Body, depth: 0, parent: null);
        }
        var text = reader.Text;
        var html = reader.Html is null ? null : SafeHtml.Sanitize(reader.Html);
        if (string.IsNullOrWhiteSpace(text) && reader.Html is not null)
        {
            text = HtmlText.ToText(reader.Html);
        }
        return new InboundMail
        {
            Subject = DecodedSubject(message) ?? "",
            From = Addresses(message, HeaderId.From, message.From).FirstOrDefault() ?? Addresses(message, HeaderId.Sender, []).FirstOrDefault(),
            To = Addresses(message, HeaderId.To, message.To),
            Cc = Addresses(message, HeaderId.Cc, message.Cc),
            ReplyTo = Addresses(message, HeaderId.ReplyTo, message.ReplyTo),
            DeliveredTo = message.Headers
                .Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase)
                    || h.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase)
                    || h.Field.Equals("Envelope-To", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.Trim().Trim('<', '>').Trim())
                .Where(v => v.Length > 0)
                .ToList(),
            Date = message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
            MessageId = NullIfEmpty(message.MessageId),
            InReplyTo = Ids(message.Headers, HeaderId.InReplyTo),
            References = message.References.Where(id => !string.IsNullOrWhiteSpace(id)).ToList(),
            TextBody = text,
            HtmlBody = html,
            Attachments = reader.Attachments,
            Automatic = AutomaticMail.Classify(message),
            Warnings = reader.Warnings,
        };
    }

    private static string? DecodedSubject(MimeMessage message)
    {
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject);
        var raw = header is null ? "" : System.Text.Encoding.Latin1.GetString(header.RawValue);
        if (MailText.NeedsOwnWordDecoding(raw, message.Subject))
        {
            var unfolded = raw.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();
            return Clean(Rfc2047.DecodeText(Options, System.Text.Encoding.Latin1.GetBytes(MailText.WithWordsAsUtf8(unfolded))));
        }
        return Clean(message.Subject);
    }

    /// <summary>The mailboxes of an address header; names in UTF-7 or ISO-2022-JP words are decoded by us (see <see cref="MailText.WithWordsAsUtf8"/>).</summary>
    private static List<EmailAddress> Addresses(MimeMessage message, HeaderId id, InternetAddressList parsed)
    {
        var header = message.Headers.FirstOrDefault(h => h.Id == id);
        var raw = header is null ? "" : System.Text.Encoding.Latin1.GetString(header.RawValue);
        if (header is not null && (parsed.Count == 0 || MailText.NeedsOwnWordDecoding(raw, string.Join(",", parsed.Mailboxes.Select(m => m.Name)))))
        {
            var rewritten = MailText.WithWordsAsUtf8(raw.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim());
            if (InternetAddressList.TryParse(Options, rewritten, out var reparsed))
            {
                parsed = reparsed;
            }
        }
        return parsed.Mailboxes.Select(ToAddress).ToList();
    }

    private static EmailAddress ToAddress(MailboxAddress mailbox) => new(mailbox.Address ?? "", Clean(mailbox.Name));

    private static List<string> Ids(HeaderList headers, HeaderId id)
    {
        var ids = new List<string>();
        foreach (var header in headers.Where(h => h.Id == id))
        {
            foreach (var reference in MimeUtils.EnumerateReferences(header.RawValue, 0, header.RawValue.Length))
            {
                if (!string.IsNullOrWhiteSpace(reference) && !ids.Contains(reference))
                {
                    ids.Add(reference);
                }
            }
        }
        return ids;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Decoded header text without the control characters PostgreSQL refuses (NUL) or that break display.</summary>
    private static string? Clean(string? value)
    {
        return string.IsNullOrEmpty(value) ? null : MailText.WithoutNul(value).Trim();
    }

    private static ParserOptions CreateOptions()
    {
        // First: registers the code-pages provider, so MimeKit finds ISO-2022-JP, KOI8-R... if it looks them up after this.
        var windows1252 = MailText.Windows1252;
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = MaxDepth;
        // 8-bit header bytes that are not UTF-8 are read as windows-1252 (MimeKit tries UTF-8 first): that is what
        // Outlook and old clients wrote, and unlike ISO-8859-1 it maps 0x80-0x9F to real characters (curly quotes, €).
        options.CharsetEncoding = windows1252;
        return options;
    }

    /// <summary>Walks the MIME tree once: picks the bodies, collects the attachments, expands winmail.dat.</summary>
    private sealed class BodyReader
    {
        private int parts;
        public string? Text { get; private set; }
        public string? Html { get; private set; }
        public List<InboundAttachment> Attachments { get; } = [];
        public List<string> Warnings { get; } = [];

        public void Read(MimeEntity entity, int depth, Multipart? parent)
        {
            if (++parts > MaxParts)
            {
                if (parts == MaxParts + 1)
                {
                    Warnings.Add($"More than {MaxParts} MIME parts; the rest were not read.");
                }
                return;
            }
            switch (entity)
            {
                case Multipart multipart when depth < MaxDepth:
                    foreach (var child in multipart)
                    {
                        Read(child, depth + 1, multipart);
                    }
                    break;
                case MessagePart messagePart:
                    AddMessage(messagePart);
                    break;
                case TnefPart tnef:
                    AddTnef(tnef);
                    break;
                case TextPart text when IsBody(text, parent):
                    var decoded = MailText.Decode(text);
                    if (text.IsHtml && Html is null)
                    {
                        Html = decoded;
                    }
                    else if (!text.IsHtml && Text is null)
                    {
                        Text = decoded;
                    }
                    else if (!text.IsHtml && parent is not null && !IsAlternative(parent))
                    {
                        // Apple Mail and others split one body around an inline image: text, image, text.
                        Text += "\n" + decoded;
                    }
                    else if (parent is null || !IsAlternative(parent))
                    {
                        Add(text, parent);
                    }
                    // else: one more rendering of the same body in a multipart/alternative; the first one is kept.
                    break;
                case MimePart part:
                    Add(part, parent);
                    break;
                default:
                    break;
            }
        }

        /// <summary>Plain text or HTML that is not declared an attachment and has no file name: a body, not a file.</summary>
        private static bool IsBody(TextPart text, Multipart? parent) =>
            (text.IsPlain || text.IsHtml)
            && !(text.ContentDisposition?.IsAttachment ?? false)
            && string.IsNullOrEmpty(text.FileName)
            && !(parent?.ContentType.IsMimeType("multipart", "report") == true && parent.IndexOf(text) > 0);

        private static bool IsAlternative(Multipart multipart) => multipart.ContentType.IsMimeType("multipart", "alternative");

        private void Add(MimePart part, Multipart? parent)
        {
            var content = MailText.Bytes(part);
            var inline = part.ContentDisposition?.Disposition.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase) == true
                || (part.ContentDisposition is null && part.ContentId is not null && parent?.ContentType.IsMimeType("multipart", "related") == true);
            Attachments.Add(new InboundAttachment(FileNameOf(part), part.ContentType.MimeType, content, NullIfEmpty(part.ContentId), inline,
                NamedBySender: !string.IsNullOrEmpty(Clean(part.FileName))));
        }

        private void AddMessage(MessagePart part)
        {
            using var stream = new MemoryStream();
            part.Message?.WriteTo(stream);
            var subject = part.Message?.Subject;
            var given = Clean(part.ContentDisposition?.FileName) ?? Clean(part.ContentType.Name);
            var name = given ?? (string.IsNullOrWhiteSpace(subject) ? "message.eml" : MailText.SafeFileName(subject) + ".eml");
            Attachments.Add(new InboundAttachment(name, part.ContentType.MimeType, stream.ToArray(), NullIfEmpty(part.ContentId), IsInline: false,
                NamedBySender: given is not null));
        }

        private void AddTnef(TnefPart tnef)
        {
            try
            {
                var extracted = tnef.ExtractAttachments().ToList();
                MimePart? rtf = null;
                foreach (var part in extracted.OfType<MimePart>())
                {
                    if (part is TextPart text && string.IsNullOrEmpty(text.FileName) && (text.IsPlain || text.IsHtml))
                    {
                        // The body Outlook hid in the winmail.dat: use it when the mail itself had none.
                        var decoded = MailText.Decode(text);
                        if (text.IsHtml)
                        {
                            Html ??= decoded;
                        }
                        else
                        {
                            Text ??= decoded;
                        }
                        continue;
                    }
                    if (string.IsNullOrEmpty(part.FileName) && (part.ContentType.IsMimeType("application", "rtf") || part.ContentType.IsMimeType("text", "rtf")))
                    {
                        // The formatted body, in RTF only: nothing here renders RTF, so it is offered as a file, after the others.
                        rtf = part;
                        continue;
                    }
                    Attachments.Add(new InboundAttachment(FileNameOf(part), part.ContentType.MimeType, MailText.Bytes(part),
                        NullIfEmpty(part.ContentId), IsInline: false, FromTnef: true, NamedBySender: !string.IsNullOrEmpty(Clean(part.FileName))));
                }
                if (rtf is not null)
                {
                    Attachments.Add(new InboundAttachment("body.rtf", "application/rtf", MailText.Bytes(rtf), null, IsInline: false, FromTnef: true, NamedBySender: false));
                }
            }
            // A winmail.dat MimeKit cannot open must not cost the rest of the mail.
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Warnings.Add($"The winmail.dat could not be opened ({e.Message}); it is kept as an attachment.");
                Attachments.Add(new InboundAttachment(FileNameOf(tnef), tnef.ContentType.MimeType, MailText.Bytes(tnef), NullIfEmpty(tnef.ContentId), IsInline: false,
                    NamedBySender: !string.IsNullOrEmpty(Clean(tnef.FileName))));
            }
        }

        private string FileNameOf(MimePart part)
        {
            var name = Clean(part.FileName);
            if (!string.IsNullOrEmpty(name))
            {
                return name;
            }
            var extension = MimeTypes.TryGetExtension(part.ContentType.MimeType, out var ext) ? ext : ".bin";
            return $"attachment-{Attachments.Count + 1}{extension}";
        }
    }
}

/// <summary>What <see cref="InboundMail.Parse"/> gives: the mail, or the error; always the exact bytes it was given.</summary>
public sealed class InboundMailParse
{
    private InboundMailParse(byte[] raw, InboundMail? mail, string? error)
    {
        Raw = raw;
        Mail = mail;
        Error = error;
    }

    public byte[] Raw { get; }
    public InboundMail? Mail { get; }
    public string? Error { get; }
    public bool Succeeded => Mail is not null;

    internal static InboundMailParse Parsed(byte[] raw, InboundMail mail) => new(raw, mail, null);
    internal static InboundMailParse Failed(byte[] raw, string error) => new(raw, null, error);
}
