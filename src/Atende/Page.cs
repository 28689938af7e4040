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
