using System.Text;
using MimeKit;

namespace Atende.Email;

/// <summary>
/// Turns the bytes of a MIME text part into a .NET string, whatever the sender declared (or failed to declare).
/// A declared charset that .NET knows is used, unless it is plainly wrong (US-ASCII or UTF-8 with bytes that cannot be
/// that); otherwise: a byte-order mark, then strict UTF-8, then windows-1252 — the 8-bit charset old Outlook, Eudora
/// and Netscape actually wrote, a superset of ISO-8859-1 for every printable character.
/// </summary>
internal static partial class MailText
{
    public static Encoding Windows1252 { get; } = GetWindows1252();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(TextPart part) => WithoutNul(Decode(Bytes(part), part.ContentType.Charset));

    public static string Decode(byte[] bytes, string? declared)
    {
        var encoding = Known(declared);
        if (encoding?.CodePage == 28591)
        {
            // Like browsers (WHATWG): "iso-8859-1" mail is windows-1252 in practice (Outlook's € and curly quotes).
            encoding = Windows1252;
        }
        if (encoding is not null && !IsImplausible(encoding, bytes))
        {
            return encoding.GetString(bytes);
        }
        return Undeclared(bytes);
    }

    /// <summary>No usable charset: BOM, else UTF-8 when the bytes are valid UTF-8, else windows-1252.</summary>
    public static string Undeclared(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    private static Encoding? Known(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        // Spellings senders use that .NET does not know: "utf8", "iso8859-1", "x-mac-roman"...
        string[] candidates = [name, name.Replace("iso8859", "iso-8859", StringComparison.Ordinal), name == "utf8" ? "utf-8" : name,
            name.StartsWith("x-", StringComparison.Ordinal) ? name[2..] : name, name.StartsWith("cp", StringComparison.Ordinal) ? "windows-" + name[2..] : name];
        foreach (var candidate in candidates.Distinct())
        {
            try
            {
                return Encoding.GetEncoding(candidate);
            }
            catch (Exception e) when (e is NotSupportedException or ArgumentException)
            {
                // try the next spelling
            }
        }
        return null;
    }

    /// <summary>Senders label windows-1252 text "us-ascii" or "utf-8" all the time; such labels are ignored.</summary>
    private static bool IsImplausible(Encoding encoding, byte[] bytes)
    {
        if (encoding.CodePage == 20127)
        {
            return bytes.Any(b => b >= 0x80);
        }
        if (encoding.CodePage == 65001)
        {
            try
            {
                StrictUtf8.GetCharCount(bytes);
                return false;
            }
            catch (DecoderFallbackException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// RFC 2047 words in UTF-7 (old Outlook's "=?unicode-1-1-utf-7?Q?Fr+APY-sche?="), which .NET no longer decodes
    /// (UTF-7 is disabled as a charset because of script-injection tricks), rewritten as the same text in UTF-8
    /// words so the header decoder can read them. Header text only: bodies never get a UTF-7 decoder.
    /// </summary>
    public static string WithUtf7WordsAsUtf8(string raw) => Utf7Word().Replace(raw, match =>
    {
        var payload = match.Groups["text"].Value;
        var bytes = match.Groups["enc"].Value is "B" or "b" ? FromBase64OrEmpty(payload) : FromQ(payload);
        var text = FromUtf7(Encoding.ASCII.GetString(bytes));
        return "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
    });

    public static bool HasUtf7Words(string raw) => raw.Contains("utf-7?", StringComparison.OrdinalIgnoreCase);

    private static byte[] FromBase64OrEmpty(string text)
    {
        try
        {
            return Convert.FromBase64String(text.PadRight((text.Length + 3) / 4 * 4, '='));
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static byte[] FromQ(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (text[i] == '=' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        return [.. bytes];
    }

    /// <summary>RFC 2152: "+" starts modified base64 of UTF-16BE, ended by "-" or any non-base64 character; "+-" is "+".</summary>
    private static string FromUtf7(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '+')
            {
                result.Append(text[i]);
                continue;
            }
            var start = ++i;
            while (i < text.Length && alphabet.Contains(text[i], StringComparison.Ordinal))
            {
                i++;
            }
            if (i == start)
            {
                result.Append('+');
            }
            else
            {
                int buffer = 0, bits = 0;
                for (var j = start; j < i; j++)
                {
                    buffer = (buffer << 6) | alphabet.IndexOf(text[j], StringComparison.Ordinal);
                    bits += 6;
                    if (bits >= 16)
                    {
                        result.Append((char)((buffer >> (bits - 16)) & 0xFFFF));
                        bits -= 16;
                    }
                }
            }
            if (i < text.Length && text[i] != '-')
            {
                result.Append(text[i]);
            }
        }
        return result.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"=\?(unicode-1-1-utf-7|utf-7)(\*[^?]*)?\?(?<enc>[QqBb])\?(?<text>[^?]*)\?=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Utf7Word();

    /// <summary>The decoded content (base64 and quoted-printable undone) of a part.</summary>
    public static byte[] Bytes(MimePart part)
    {
        if (part.Content is null)
        {
            return [];
        }
        using var stream = new MemoryStream();
        part.Content.DecodeTo(stream);
        return stream.ToArray();
    }

    /// <summary>PostgreSQL text cannot hold NUL, and no person writes one.</summary>
    public static string WithoutNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    /// <summary>A subject made usable as a file name: no path separators or characters Windows refuses, at most 100 characters.</summary>
    public static string SafeFileName(string text)
    {
        var invalid = "\\/:*?\"<>|";
        var chars = text.Select(c => char.IsControl(c) || invalid.Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray();
        var name = new string(chars).Trim();
        return name.Length > 100 ? name[..100] : name;
    }

    private static Encoding GetWindows1252()
    {
        // ISO-2022-JP, KOI8-R, windows-125x, GB2312... live in the code-pages provider, not in .NET's core set.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
