using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Atende;

/// <summary>
/// An opaque keyset cursor for every list: the list and sort it belongs to, the last row's sort value and id. Keyset paging does
/// not skip or repeat rows when tickets are added while someone pages, and stays fast on deep pages.
/// </summary>
public sealed record PageCursor(string Sort, long Value, int Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this)));

    public static PageCursor Decode(string cursor, string sort)
    {
        try
        {
            if (cursor.Length > 500)
            {
                throw new FormatException();
            }
            var decoded = JsonSerializer.Deserialize<PageCursor>(Base64Url.DecodeFromChars(cursor));
            if (decoded is null || decoded.Sort != sort)
            {
                throw InvalidRequestException.For("cursor", "belongs to a different sort order; start again without a cursor.");
            }
            return decoded;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw InvalidRequestException.For("cursor", "is not a cursor this server issued.");
        }
    }
}
