using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Bench;

/// <summary>Runs each scenario for a fixed time with N concurrent clients and prints a table.</summary>
public static class LoadRun
{
    private static readonly string[] EnglishSubjects =
    [
        "Printer on floor {0} shows paper jam", "VPN drops every {0} minutes", "Cannot open the invoice PDF #{0}",
        "Outlook asks for my password again", "Laptop battery drains in {0} hours", "Access request for the billing system",
    ];

    private static readonly string[] PortugueseSubjects =
    [
        "Configuração da impressora do andar {0}", "A VPN cai a cada {0} minutos", "Não consigo abrir a nota fiscal {0}",
        "Solicitação de acesso ao sistema financeiro", "Erro de autenticação no e-mail", "Atualização do notebook travou em {0}%",
    ];

    public sealed record Result(string Scenario, int Requests, int Errors, double Seconds, double P50, double P95, double P99, string? FirstError);

    public static async Task<int> ExecuteAsync(BenchOptions options)
    {
        var results = await MeasureAsync(options, Console.Out);
        Print(results, options);
        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    public static async Task<IReadOnlyList<Result>> MeasureAsync(BenchOptions options, TextWriter log)
    {
        using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
        var tokenResponse = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email = options.Email, password = options.Password, name = "bench" });
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var created = new List<int>();
        var sequence = 0;
        // Reads spread over the whole desk (a generated million), not only over the tickets this run created.
        var newest = await http.GetFromJsonAsync<JsonObject>("/api/v1/tickets?sort=-number&limit=1");
        var highest = newest?["items"]?.AsArray().FirstOrDefault()?["number"]?.GetValue<int>() ?? 0;
        var teams = await http.GetFromJsonAsync<JsonObject>("/api/v1/teams");
        var teamId = teams?["items"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<int>();
        // Reports over the last 90 days of the desk (the generated history ends today), in the agents' zone.
        var today = DateTime.UtcNow.Date;
        var period = string.Create(CultureInfo.InvariantCulture, $"from={today.AddDays(-89):yyyy-MM-dd}&to={today:yyyy-MM-dd}&timeZone=America/Sao_Paulo");
        var deepCursor = await CursorAfterAsync(http, "/api/v1/tickets?statusCategory=resolved,closed&sort=-updatedAt&limit=50", pages: 20);
        var scenarios = new (string Name, Func<Random, Task<HttpResponseMessage>> Call)[]
        {
            ("create ticket", async random =>
            {
                var n = Interlocked.Increment(ref sequence);
                var portuguese = n % 2 == 0;
                var subjects = portuguese ? PortugueseSubjects : EnglishSubjects;
                var subject = string.Format(CultureInfo.InvariantCulture, subjects[n % subjects.Length], random.Next(2, 60));
                var response = await http.PostAsJsonAsync("/api/v1/tickets", new
                {
                    subject,
                    description = portuguese ? "Desde ontem o problema se repete várias vezes por dia." : "Since yesterday this happens several times a day.",
                    requester = new { email = $"bench{n % 500}@client{n % 20}.example", name = $"Bench Customer {n % 500}" },
                    priority = (n % 4) switch { 0 => "low", 1 => "normal", 2 => "high", _ => "urgent" },
                    tags = new[] { portuguese ? "pt" : "en", "bench" },
                });
                if (response.IsSuccessStatusCode)
                {
                    var number = (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();
                    lock (created)
                    {
                        created.Add(number);
                    }
                }
                return response;
            }),
            ("add reply", random => http.PostAsJsonAsync($"/api/v1/tickets/{Pick(created, random)}/messages", new { body = "We are looking into it and will update you shortly." })),
            ("get ticket", random => http.GetAsync($"/api/v1/tickets/{(highest > 0 ? random.Next(1, highest + 1) : Pick(created, random))}")),
            ("queue first page", _ => http.GetAsync("/api/v1/tickets?statusCategory=new,open&sort=-updatedAt&limit=50")),
            ("queue team", _ => http.GetAsync($"/api/v1/tickets?statusCategory=new,open{(teamId is null ? "" : $"&team={teamId}")}&sort=-updatedAt&limit=50")),
            ("queue page 21", _ => http.GetAsync("/api/v1/tickets?statusCategory=resolved,closed&sort=-updatedAt&limit=50" + (deepCursor is null ? "" : "&cursor=" + Uri.EscapeDataString(deepCursor)))),
            ("queue by priority", _ => http.GetAsync("/api/v1/tickets?statusCategory=new&sort=-priority&limit=50")),
            ("search common term", _ => http.GetAsync("/api/v1/tickets?q=printer&limit=50")),
            ("search rare term", _ => http.GetAsync("/api/v1/tickets?q=autenticacao&limit=50")),
            ("search pt accents", _ => http.GetAsync("/api/v1/tickets?q=configuração impressora&limit=50")),
            ("report volume 90d", _ => http.GetAsync($"/api/v1/reports/volume?{period}")),
            ("report backlog trend", _ => http.GetAsync($"/api/v1/reports/backlog?{period}&groupBy=day")),
            ("report response 90d", _ => http.GetAsync($"/api/v1/reports/response-times?{period}&groupBy=team")),
            ("report sla 90d", _ => http.GetAsync($"/api/v1/reports/sla?{period}")),
            ("report csat 90d", _ => http.GetAsync($"/api/v1/reports/satisfaction?{period}&groupBy=agent")),
            ("report agents 90d", _ => http.GetAsync($"/api/v1/reports/agents?{period}")),
            ("report time 90d", _ => http.GetAsync($"/api/v1/reports/time-tracking?{period}")),
            ("report tags 90d", _ => http.GetAsync($"/api/v1/reports/tags?{period}")),
            ("update status", random => PatchAsync(http, $"/api/v1/tickets/{Pick(created, random)}", random.Next(2) == 0 ? """{"status":"in_progress"}""" : """{"status":"new"}""")),
        };

        var results = new List<Result>();
        foreach (var (name, call) in scenarios)
        {
            await log.WriteLineAsync($"… {name}");
            if (options.WarmupSeconds > 0)
            {
                // JIT, connection pools and query plans warm up outside the measured window.
                await RunScenarioAsync(name, call, options with { Seconds = options.WarmupSeconds });
            }
            results.Add(await RunScenarioAsync(name, call, options));
        }
        return results;
    }

    /// <summary>The cursor of page <paramref name="pages"/> + 1, followed page by page as a person scrolling would.</summary>
    private static async Task<string?> CursorAfterAsync(HttpClient http, string url, int pages)
    {
        string? cursor = null;
        for (var page = 0; page < pages; page++)
        {
            var body = await http.GetFromJsonAsync<JsonObject>(url + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var next = body?["nextCursor"]?.GetValue<string>();
            if (next is null)
            {
                break;
            }
            cursor = next;
        }
        return cursor;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string url, string json) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    private static int Pick(List<int> created, Random random)
    {
        lock (created)
        {
            return created.Count == 0 ? 1 : created[random.Next(created.Count)];
        }
    }

    private static async Task<Result> RunScenarioAsync(string name, Func<Random, Task<HttpResponseMessage>> call, BenchOptions options)
    {
        var latencies = new List<double>();
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(options.Seconds);
        var workers = Enumerable.Range(0, options.Clients).Select(async worker =>
        {
            var random = new Random(worker * 7919 + name.Length);
            while (clock.Elapsed < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await call(random);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var error = response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    lock (latencies)
                    {
                        latencies.Add(ms);
                        if (error is not null)
                        {
                            errors++;
                            firstError ??= error;
                        }
                    }
                }
                catch (HttpRequestException e)
                {
                    lock (latencies)
                    {
                        errors++;
                        firstError ??= e.Message;
                    }
                }
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new Result(name, latencies.Count, errors, elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99), firstError);
    }

    public static void Print(IReadOnlyList<Result> results, BenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"{options.Url} — {options.Clients} clients, {options.Seconds:0.#} s per scenario");
        Console.WriteLine($"{"scenario",-20} {"requests",9} {"errors",7} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario,-20} {r.Requests,9} {r.Errors,7} {r.Requests / r.Seconds,9:0.0} {r.P50,8:0.0} {r.P95,8:0.0} {r.P99,8:0.0}"));
            if (r.FirstError is not null)
            {
                Console.WriteLine($"  first error: {r.FirstError[..Math.Min(300, r.FirstError.Length)]}");
            }
        }
        if (options.ServerPid is { } pid && File.Exists($"/proc/{pid}/status"))
        {
            var rss = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            Console.WriteLine($"server memory: {rss?["VmRSS:".Length..].Trim()}");
        }
    }
}
