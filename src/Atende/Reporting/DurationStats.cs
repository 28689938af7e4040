namespace Atende.Reporting;

/// <summary>
/// Median, 90th percentile and mean of durations in minutes — what response-time metrics show. Percentiles are
/// "nearest rank" (always a value that occurred), so a median of 3 tickets is the middle ticket, not an interpolation;
/// no durations give nulls rather than zeros, which would read as "instant".
/// </summary>
public readonly record struct DurationStats(int Count, double? Median, double? P90, double? Average)
{
    public static DurationStats Of(IEnumerable<double> minutes)
    {
        var sorted = minutes.ToArray();
        if (sorted.Length == 0)
        {
            return new DurationStats(0, null, null, null);
        }
        Array.Sort(sorted);
        return new DurationStats(sorted.Length, Rank(sorted, 0.5), Rank(sorted, 0.9), Math.Round(sorted.Average(), 1));
    }

    private static double Rank(double[] sorted, double percentile) =>
        Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)], 1);
}
