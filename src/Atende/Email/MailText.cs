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
    /// RFC 2047 words in charsets MimeKit's header decoder does not read here — UTF-7 (old Outlook's
    /// "=?unicode-1-1-utf-7?Q?Fr+APY-sche?=", which .NET refuses as a charset because of script-injection tricks)
    /// and ISO-2022-JP (stateful, from the code-pages provider) — rewritten as the same text in UTF-8 words, so the
    /// header decoder can read them. Adjacent words of one charset are decoded together: senders split multi-byte
    /// characters across words. Header text only: bodies never get a UTF-7 decoder.
    /// </summary>
    public static string WithWordsAsUtf8(string raw)
    {
        var words = EncodedWord().Matches(raw);
        if (words.Count == 0)
        {
            return raw;
        }
        var result = new StringBuilder();
        var at = 0;
        for (var i = 0; i < words.Count;)
        {
            var first = words[i];
            var charset = first.Groups["charset"].Value;
            var bytes = new List<byte>(WordBytes(first));
            var last = first;
            var j = i + 1;
            while (j < words.Count && words[j].Groups["charset"].Value.Equals(charset, StringComparison.OrdinalIgnoreCase)
                && string.IsNullOrWhiteSpace(raw[(last.Index + last.Length)..words[j].Index]))
            {
                bytes.AddRange(WordBytes(words[j]));
                last = words[j];
                j++;
            }
            result.Append(raw, at, first.Index - at);
            var text = charset.Contains("utf-7", StringComparison.OrdinalIgnoreCase) ? FromUtf7(Encoding.ASCII.GetString([.. bytes])) : Decode([.. bytes], charset);
            result.Append("=?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(text))).Append("?=");
            at = last.Index + last.Length;
            i = j;
        }
        result.Append(raw, at, raw.Length - at);
        return result.ToString();
    }

    /// <summary>True when a raw header has encoded words that <see cref="WithWordsAsUtf8"/> must read instead of MimeKit.</summary>
    public static bool NeedsOwnWordDecoding(string raw, string? decodedByMimeKit) =>
        raw.Contains("utf-7?", StringComparison.OrdinalIgnoreCase) || raw.Contains("=?iso-2022", StringComparison.OrdinalIgnoreCase)
        || (decodedByMimeKit?.Contains('\u001b', StringComparison.Ordinal) ?? false);

    private static byte[] WordBytes(System.Text.RegularExpressions.Match word) =>
        word.Groups["enc"].Value is "B" or "b" ? FromBase64OrEmpty(word.Groups["text"].Value) : FromQ(word.Groups["text"].Value);

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

    [System.Text.RegularExpressions.GeneratedRegex(@"=\?(?<charset>[^?*\s]+)(\*[^?]*)?\?(?<enc>[QqBb])\?(?<text>[^?\s]*)\?=")]
    private static partial System.Text.RegularExpressions.Regex EncodedWord();

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
