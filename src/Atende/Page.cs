namespace Atende;

/// <summary>One page of a list: the items and the cursor of the next page (null on the last one).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>
    /// Lists read one row more than they show: its presence is how they know a next page exists, without a count.
    /// </summary>
    public static Page<T> FromOverfetch(List<T> rows, int limit, Func<T, PageCursor> cursorOf)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }
        rows.RemoveRange(limit, rows.Count - limit);
        return new Page<T>(rows, cursorOf(rows[^1]).Encode());
    }
}

/// <summary>The "limit" and "cursor" every list takes, read and checked the same way.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Limit(int? requested, ValidationErrors errors)
    {
        var limit = requested ?? DefaultLimit;
        errors.Range("limit", limit, 1, MaxLimit);
        return limit;
    }

    /// <summary>The id after which an id-ordered list continues; 0 for the first page.</summary>
    public static int AfterId(string? cursor, string kind) =>
        cursor is { Length: > 0 } ? PageCursor.Decode(cursor, kind).Id : 0;
}
