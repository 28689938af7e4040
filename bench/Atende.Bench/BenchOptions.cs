using System.Globalization;

namespace Atende.Bench;

public sealed record BenchOptions(string Url, string Email, string Password, int Clients, double Seconds, int? ServerPid, double WarmupSeconds = 2)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var pid = Value("--pid", "");
        return new BenchOptions(
            Value("--url", "http://localhost:5080"),
            Value("--email", Environment.GetEnvironmentVariable("ATENDE_ADMIN_EMAIL") ?? "admin@atende.local"),
            Value("--password", Environment.GetEnvironmentVariable("ATENDE_ADMIN_PASSWORD") ?? ""),
            int.Parse(Value("--clients", "8"), CultureInfo.InvariantCulture),
            double.Parse(Value("--seconds", "15"), CultureInfo.InvariantCulture),
            pid.Length > 0 ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            double.Parse(Value("--warmup", "2"), CultureInfo.InvariantCulture));
    }
}
