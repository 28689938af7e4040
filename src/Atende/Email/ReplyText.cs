using System.Text.RegularExpressions;

namespace Atende.Email;

/// <summary>The new text of a reply, and what was cut off it (quotes, quoted headers, signatures) for "show the full original".</summary>
public sealed record TrimmedReply(string Text, string Removed)
{
    public bool WasTrimmed => Removed.Length > 0;
}

/// <summary>
/// Cuts a plain-text reply down to what the sender wrote now. Reads line by line, outside ``` code blocks:
/// <list type="bullet">
/// <item>an attribution line ("On … wrote:", "Em … escreveu:", "El … escribió:", "Le … a écrit :", "Am … schrieb …:",
/// "Op … geschreven:", "Den … skrev …:", "Il … ha scritto:", "Dnia … napisał(a):", "… написал:", "… пише:", "… 写道：",
/// Gmail's "2016-03-03 17:21 GMT+01:00 Name"), possibly wrapped over several lines;</item>
/// <item>a forwarded or original message marker ("-----Original Message-----", "---------- Forwarded message ----------",
/// "Begin forwarded message:") or an Outlook header block ("From:" followed by "Sent:", "To:", "Subject:"… in a dozen
/// languages);</item>
/// <item>a signature: "-- ", a line of only dashes or underscores, "Sent from my iPhone" and its translations.</item>
/// </list>
/// The first of these ends the reply. Two exceptions keep interleaved answers: an attribution at the very top is
/// dropped (with the quote right under it when text follows the quote), and an attribution whose quote is followed
/// by more of the sender's own text is dropped alone. Finally a trailing "&gt;" quote goes, unless the reply is
/// nothing but a quote.
/// </summary>
public static partial class ReplyText
{
    private const int MaxAttributionLines = 6;

    public static TrimmedReply Trim(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new TrimmedReply("", "");
        }
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        var kept = new List<string>();
        var removed = new List<string>();
        var inCode = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            if (inCode)
            {
                kept.Add(line);
                continue;
            }
            var atTop = kept.All(string.IsNullOrWhiteSpace);
            if (Attribution(lines, i) is { } end)
            {
                var quoted = IsQuoted(lines[i]);
                var quoteEnd = QuoteBlockEnd(lines, end + 1);
                var textAfterQuote = quoteEnd > end + 1 && HasOwnTextFrom(lines, quoteEnd);
                if (!quoted && atTop)
                {
                    // "On … wrote:" first thing: the reply is below it. Drop the quote too when the answer follows it.
                    var dropTo = textAfterQuote ? quoteEnd - 1 : end;
                    removed.AddRange(lines.GetRange(i, dropTo - i + 1));
                    i = dropTo;
                    continue;
                }
                if (!quoted && textAfterQuote)
                {
                    // An answer between quotes: only the attribution goes.
                    removed.AddRange(lines.GetRange(i, end - i + 1));
                    i = end;
                    continue;
                }
                return Cut(kept, removed, lines, i);
            }
            if (ForwardBlock(lines, i) is { } blockEnd)
            {
                if (atTop)
                {
                    removed.AddRange(lines.GetRange(i, blockEnd - i + 1));
                    i = blockEnd;
                    continue;
                }
                return Cut(kept, removed, lines, i);
            }
            if (!atTop && (IsDelimiter(line) || Signature().IsMatch(line.Trim())))
            {
                return Cut(kept, removed, lines, i);
            }
            kept.Add(line);
        }
        return Finish(kept, removed);
    }

    private static TrimmedReply Cut(List<string> kept, List<string> removed, List<string> lines, int from)
    {
        removed.AddRange(lines.GetRange(from, lines.Count - from));
        return Finish(kept, removed);
    }

    private static TrimmedReply Finish(List<string> kept, List<string> removed)
    {
        // A quote at the end, with the sender's text above it, is what they replied to.
        var last = kept.FindLastIndex(l => !string.IsNullOrWhiteSpace(l));
        if (last >= 0 && IsQuoted(kept[last]))
        {
            var start = last;
            while (start > 0 && (IsQuoted(kept[start - 1]) || string.IsNullOrWhiteSpace(kept[start - 1])))
            {
                start--;
            }
            if (kept.Take(start).Any(l => !string.IsNullOrWhiteSpace(l)))
            {
                removed.InsertRange(0, kept.GetRange(start, kept.Count - start));
                kept.RemoveRange(start, kept.Count - start);
            }
        }
        return new TrimmedReply(string.Join('\n', kept).Trim('\n', ' ', '\t').TrimEnd(), string.Join('\n', removed).Trim('\n'));
    }

    /// <summary>Where a run of quoted lines (blank lines allowed inside) starting at <paramref name="from"/> ends (exclusive), after leading blanks.</summary>
    private static int QuoteBlockEnd(List<string> lines, int from)
    {
        var i = from;
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }
        if (i >= lines.Count || !IsQuoted(lines[i]))
        {
            return from;
        }
        var end = i;
        for (; i < lines.Count; i++)
        {
            if (IsQuoted(lines[i]))
            {
                end = i + 1;
            }
            else if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                break;
            }
        }
        return end;
    }

    /// <summary>True when, from <paramref name="from"/>, the sender wrote something that is neither a quote nor a signature.</summary>
    private static bool HasOwnTextFrom(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            return !IsQuoted(line) && !IsDelimiter(line) && !Signature().IsMatch(line.Trim()) && Attribution(lines, i) is null;
        }
        return false;
    }

    /// <summary>If an attribution starts at line <paramref name="i"/>, the index of its last line.</summary>
    private static int? Attribution(List<string> lines, int i)
    {
        var first = Unquote(lines[i]);
        if (first.Length == 0)
        {
            return null;
        }
        if (GmailDate().IsMatch(first))
        {
            // "2016-03-03 17:21 GMT+01:00 Name <\naddress>:" — may wrap once.
            return i + 1 < lines.Count && !EndsWithColon(first) && Unquote(lines[i + 1]) is { Length: > 0 } next && next.Length < 80 && EndsWithColon(next) ? i + 1 : i;
        }
        if (!AttributionStart().IsMatch(first) && !NameAndAddress().IsMatch(first) && !WroteVerb().IsMatch(first))
        {
            return null;
        }
        var text = "";
        var blanks = 0;
        for (var j = i; j < lines.Count && j < i + MaxAttributionLines + blanks; j++)
        {
            var line = Unquote(lines[j]);
            if (line.Length == 0)
            {
                // Only "On <date> Name" may be split by empty lines (a mail client wrapping "<mailto:…>").
                if (!OnDate().IsMatch(first) || ++blanks > 3)
                {
                    return null;
                }
                continue;
            }
            text += " " + line;
            if (EndsWithColon(line) || WroteAtEnd().IsMatch(line))
            {
                return WroteVerb().IsMatch(text) && (text.Any(char.IsDigit) || text.Contains('@', StringComparison.Ordinal)) && text.Length < 400 ? j : null;
            }
        }
        return null;
    }

    private static bool EndsWithColon(string line)
    {
        var trimmed = line.TrimEnd(' ', '-', '*', '\t');
        return trimmed.EndsWith(':') || trimmed.EndsWith('：');
    }

    /// <summary>A forwarded-message or original-message marker, or an Outlook header block: the index of its last line.</summary>
    private static int? ForwardBlock(List<string> lines, int i)
    {
        var line = Unquote(lines[i]);
        if (OriginalMarker().IsMatch(line) || ForwardedMarker().IsMatch(line))
        {
            return HeaderBlockEnd(lines, i + 1) ?? i;
        }
        if (HeaderField().Match(line) is { Success: true } from && FromNames().IsMatch(from.Groups["name"].Value))
        {
            // "From:" alone is a sentence; with two more header fields under it, it is a quoted mail's head.
            var fields = 0;
            for (var j = i + 1; j < lines.Count && j <= i + 6; j++)
            {
                if (HeaderField().IsMatch(Unquote(lines[j])))
                {
                    fields++;
                }
            }
            if (fields >= 2)
            {
                return HeaderBlockEnd(lines, i) ?? i;
            }
        }
        return null;
    }

    /// <summary>The last line of a block of header fields (with wrapped values) starting at or after <paramref name="from"/>, before the first empty line.</summary>
    private static int? HeaderBlockEnd(List<string> lines, int from)
    {
        var i = from;
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }
        if (i >= lines.Count || !HeaderField().IsMatch(Unquote(lines[i])))
        {
            return null;
        }
        while (i + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[i + 1]))
        {
            i++;
        }
        return i;
    }

    private static bool IsDelimiter(string line)
    {
        var trimmed = line.Trim();
        return trimmed is "--" or "ᐧ" || (trimmed.Length >= 3 && Rule().IsMatch(trimmed));
    }

    private static bool IsQuoted(string line) => QuotePrefix().IsMatch(line);

    private static string Unquote(string line) => QuotePrefix().Replace(line, "").Trim().Trim('*').Trim();

    [GeneratedRegex(@"^\s*([A-Za-z]{0,3}>\s?)+")]
    private static partial Regex QuotePrefix();

    [GeneratedRegex(@"^[-_=*#~+—–•·]+$")]
    private static partial Regex Rule();

    // Words that open an attribution, by language: On/At (en), Em/Às (pt), El (es), Le (fr), Am (de), Op (nl),
    // Den (sv/no/da), Il (it), Dnia/W dniu (pl), 在 (zh); or a date, or a weekday followed by a comma.
    [GeneratedRegex(@"^(-{2,}\s*)?(On|At|Em|Às|El|Le|Am|Op|Den|Il|Dnia|W dniu|Dne|Päivänä|在)\b|^(-{2,}\s*)?\d{1,4}[./\- ]|^\p{L}+,\s", RegexOptions.CultureInvariant)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^On\s.*\d", RegexOptions.CultureInvariant)]
    private static partial Regex OnDate();

    [GeneratedRegex(@"^[^<>]{1,80}<[^<>\s]+@[^<>\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameAndAddress();

    [GeneratedRegex(@"(\bwrote|\bescreveu|\bescribió|\bescribio|\bécrit|\becrit|\bschrieb|\bschreef|\bgeschreven|\bskrev|\bscritto|\bnapisał(\(a\))?|\bnapisala|\bнаписал(а)?|\bнаписав|\bпише|\bпишет|写道|寫道|\bkirjoitti|\bírta|\bnapsal|\byazdı)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteVerb();

    [GeneratedRegex(@"\b(wrote|escreveu|escribió|a écrit|schrieb|schreef|skrev|scritto)\s*-*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteAtEnd();

    [GeneratedRegex(@"^\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(\s*GMT[+-]\d{1,2}:?\d{2})?\s+\S|^\d{4}/\d{1,2}/\d{1,2}\s+.*<?[^\s<>]+@[^\s<>]+>?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex GmailDate();

    // "-----Original Message-----", "-------- Original Message --------", "-----Mensaje original-----",
    // "-----Ursprüngliche Nachricht-----", "-----Mensagem original-----", "-----Message d'origine-----".
    [GeneratedRegex(@"^-{3,}\s*(original message|mensaje original|mensagem original|ursprüngliche nachricht|message d'origine|messaggio originale|oorspronkelijk bericht|originalmeddelande|opprinnelig melding|oryginalna wiadomość|исходное сообщение)\s*-{3,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMarker();

    [GeneratedRegex(@"^(-{3,}\s*(forwarded message|mensagem encaminhada|mensaje reenviado|message transféré|weitergeleitete nachricht|doorgestuurd bericht|messaggio inoltrato|vidarebefordrat meddelande)\s*-{3,}|begin forwarded message:|anfang der weitergeleiteten nachricht:|início da mensagem reencaminhada:)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardedMarker();

    [GeneratedRegex(@"^(?<name>[\p{L}-]{1,20}( [\p{L}]{1,10})?)\s?\*?\s?[:：]\*?\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"^(From|De|Von|Van|Från|Fra|Da|Od|От|Від|Lähettäjä|Feladó|发件人|寄件者)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromNames();

    // "Sent from my iPhone" and kin, in the languages of the corpus and then some; whole lines only, and only when
    // what follows "sent from" is a possessive or a device or app, so "Enviado de volta ao fornecedor" stays.
    [GeneratedRegex(@"^(\(|<<)?(sent|envoyé|enviado|gesendet|verzonden|sendt|skickat|inviato|wysłane|отправлено)\s+(from|with|via|using|by|depuis|de|desde|do|von|met|fra|från|da|z|с)\s+((my|mon|ma|mi|meu|minha|meinem|min|mijn|il mio|mio|mojego|моего)\b|(iphone|ipad|ipod|android|samsung|galaxy|outlook|yahoo|mail|mobile|blackberry|airmail|mailbox|windows|gmail|a phone|a mobile|\[mail\]|proton)).{0,80}$|^von meinem .{1,60} gesendet\.?$|^diese nachricht wurde von meinem .{1,80}$|^get (outlook|the .{1,20} app) for .{0,60}$|^(從|从)我的.{1,20}(傳送|发送)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signature();
}
