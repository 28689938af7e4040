using Atende.Bench;

// Atende.Bench — drives a running Atende over HTTP and prints throughput and latency per scenario.
//   run   --url http://localhost:5080 --email admin@example.com --password ... [--clients 8] [--seconds 15] [--warmup 2] [--pid <server pid>]
//   rules   times 50 rules' conditions against one ticket event, in process
//   smoke   starts a throw-away server on SQLite, runs every scenario briefly, fails on any error (eng/test.sh runs it)
//   compare [--sqlite "Data Source=..."] [--postgres "Host=...;Database=..."] [--clients 8] [--seconds 15] [--json file]
//            the same scenarios on both databases side by side, with pgbench TPC-B on the same PostgreSQL as the limit
//   outbox  --database sqlite|postgres [--connection "..."] [--events 5000] [--rules 50]
//            ticket events per second through one node's outbox dispatcher, every handler on (use an empty database)
//   ingest  --database sqlite|postgres [--connection "..."] [--messages 10000] [--imap host:port] [--user support]
//            mails/second from a Dovecot folder into tickets through the mailbox poller and ImportMail (use an empty database)
//   generate --database sqlite|postgres [--connection "..."] [--tickets 1000000] [--seed 42] [--until yyyy-MM-dd]
//            fills a fresh database with a realistic desk (see Generation/DataSetGenerator.cs)
var command = args.FirstOrDefault() ?? "help";
var options = BenchOptions.Parse(args.Skip(1).ToArray());
return command switch
{
    "run" => await LoadRun.ExecuteAsync(options),
    "smoke" => await Smoke.ExecuteAsync(),
    "rules" => RuleEvaluation.Execute(Console.Out),
    "compare" => await Compare.ExecuteAsync(args.Skip(1).ToArray()),
    "outbox" => await OutboxThroughput.ExecuteAsync(args.Skip(1).ToArray(), Console.Out),
    "ingest" => await MailIngest.ExecuteAsync(args.Skip(1).ToArray(), Console.Out),
    "generate" => await Atende.Bench.Generation.Generate.ExecuteAsync(args.Skip(1).ToArray(), Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: Atende.Bench run --url <url> --email <admin email> --password <password> [--clients 8] [--seconds 15] [--warmup 2] [--pid <server pid>]");
    Console.WriteLine("       Atende.Bench generate --database sqlite|postgres [--connection \"...\"] [--tickets 1000000] [--seed 42] [--until yyyy-MM-dd]");
    Console.WriteLine("       Atende.Bench smoke");
    return 2;
}
