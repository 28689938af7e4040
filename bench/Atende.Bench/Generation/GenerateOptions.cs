using System.Globalization;

namespace Atende.Bench.Generation;

/// <summary>`generate` arguments. The same seed and end date give the same data set.</summary>
internal sealed record GenerateOptions(
    string Provider, string ConnectionString, int Tickets, int Seed, DateTime Until, string AdminEmail, string AdminPassword,
    int Organizations, int Customers, int Agents, int Teams, int BatchSize)
{
    public static GenerateOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var provider = Value("--database", "sqlite").ToLowerInvariant();
        var connection = Value("--connection", provider == "sqlite" ? "Data Source=bench-data/atende.db" : "");
        if (provider is not ("sqlite" or "postgres") || connection.Length == 0)
        {
            throw new ArgumentException("--database sqlite|postgres, and --connection \"...\" for postgres.");
        }
        var tickets = Number("--tickets", 1_000_000);
        // Smaller desks keep the same proportions as the full data set: 2,000 organizations and 50,000 customers per million tickets.
        var scale = Math.Clamp(tickets / 1_000_000.0, 0.0, 1.0);
        var until = DateTime.SpecifyKind(DateTime.Parse(Value("--until", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
        return new GenerateOptions(provider, connection, tickets, Number("--seed", 42), until,
            Value("--email", Environment.GetEnvironmentVariable("ATENDE_ADMIN_EMAIL") ?? "bench-admin@atende.test"),
            Value("--password", Environment.GetEnvironmentVariable("ATENDE_ADMIN_PASSWORD") ?? "bench-password-123"),
            Number("--organizations", Math.Max(20, (int)(2_000 * scale))),
            Number("--customers", Math.Max(200, (int)(50_000 * scale))),
            Number("--agents", 200), Number("--teams", 20), Number("--batch", 10_000));
    }
}
