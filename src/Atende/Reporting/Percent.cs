namespace Atende.Reporting;

/// <summary>A share as a percentage with one decimal; null when there is nothing to share (0 of 0 is unknown, not 0%).</summary>
public static class Percent
{
    public static double? Of(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
