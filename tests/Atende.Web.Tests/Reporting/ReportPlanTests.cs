using System.Data.Common;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Reporting;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Atende.Web.Tests.Reporting;

/// <summary>
/// The sla, satisfaction, agents, time-tracking and self-service reports read their period through indexes: every
/// query they send is explained on the real database, and none may scan a large table whole (PostgreSQL is asked
/// with sequential scans discouraged, since on a nearly empty table a scan is the right plan; which side of a join
/// it starts from it decides on real statistics, so there only the tables' access paths are checked).
/// </summary>
public sealed class ReportPlanTests(AtendeFactory factory, ITestOutputHelper output) : IClassFixture<AtendeFactory>
{
    private static readonly string[] LargeTables =
        ["Tickets", "SlaTargets", "Messages", "TimeEntries", "SatisfactionRatings", "KnowledgeArticleHours", "KnowledgeDeflections", "TicketHistory"];

    private sealed class Recorder : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object Value, System.Data.DbType Type)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value!, p.DbType)).ToList()));
            return ValueTask.FromResult(result);
        }
    }

    [Theory]
    [InlineData("sla", ReportGrouping.None)]
    [InlineData("sla", ReportGrouping.Ticket)]
    [InlineData("satisfaction", ReportGrouping.Agent)]
    [InlineData("satisfaction", ReportGrouping.Ticket)]
    [InlineData("agents", ReportGrouping.Agent)]
    [InlineData("time-tracking", ReportGrouping.Organization)]
    [InlineData("self-service", ReportGrouping.Day)]
    public async Task Each_query_reads_its_period_through_an_index(string name, ReportGrouping groupBy)
    {
        var recorder = new Recorder();
        using var scope = factory.Services.CreateScope();
        var options = new DbContextOptionsBuilder<AtendeDb>(scope.ServiceProvider.GetRequiredService<DbContextOptions<AtendeDb>>())
            .AddInterceptors(recorder).Options;
        await using var db = new AtendeDb(options);
        var report = scope.ServiceProvider.GetServices<IReport>().Single(r => r.Name == name);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var period = new ReportPeriod(DateOnly.FromDateTime(now).AddDays(-89), DateOnly.FromDateTime(now), TimeZoneInfo.Utc);
        await report.RunAsync(new ReportScope(db, Caller.System, period, groupBy, now), default);

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }
        else
        {
            await GiveSqliteStatisticsAsync(db);
        }
        // An empty id list is folded to "WHERE 0", which SQLite plans as a scan that reads nothing.
        foreach (var (sql, parameters) in recorder.Commands.Where(c => !c.Sql.EndsWith("WHERE 0", StringComparison.Ordinal)))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = (db.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
            foreach (var (parameterName, value, type) in parameters)
            {
                var parameter = explain.CreateParameter();
                (parameter.ParameterName, parameter.Value, parameter.DbType) = (parameterName, value, type);
                explain.Parameters.Add(parameter);
            }
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
                }
            }
            output.WriteLine(sql);
            output.WriteLine(string.Join("\n", plan));
            output.WriteLine("");
            // SQLite names a table by its alias in plans ("SCAN t").
            var aliases = Regex.Matches(sql, "(?:FROM|JOIN) \"(\\w+)\" AS \"(\\w+)\"").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
            var whole = plan.Where(line => db.IsPostgres
                ? LargeTables.Any(table => line.Contains($"Seq Scan on \"{table}\"", StringComparison.Ordinal))
                : Regex.Match(line, "SCAN (\\w+)") is { Success: true } scan && LargeTables.Contains(aliases.GetValueOrDefault(scan.Groups[1].Value, scan.Groups[1].Value))
                  || line.Contains("IX_Tickets_MergedIntoId", StringComparison.Ordinal)).ToList();
            // "Not merged" holds for nearly every ticket: reading tickets through it is reading them all.
            Assert.True(whole.Count == 0, $"{name} by {groupBy} reads a large table whole:\n{sql}\n{string.Join("\n", plan)}");
        }
    }

    /// <summary>
    /// The statistics ANALYZE would gather on a desk of a million tickets (the bench runs ANALYZE): without them SQLite
    /// guesses that an equality on any index is selective, which "MergedIntoId IS NULL" is not.
    /// </summary>
    private static async Task GiveSqliteStatisticsAsync(AtendeDb db)
    {
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_stat1");
        foreach (var table in LargeTables)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO sqlite_stat1 VALUES ({table}, NULL, '1000000')");
            var indexes = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_index_list({table})").ToListAsync();
            foreach (var index in indexes)
            {
                var columns = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_index_info({index})").ToListAsync();
                var stat = index == "IX_Tickets_MergedIntoId" ? "1000000 1000000"
                    : "1000000 " + string.Join(' ', columns.Select((column, i) => column is "StatusCategory" or "Kind" && i == 0 ? "200000" : "10"));
                await db.Database.ExecuteSqlAsync($"INSERT INTO sqlite_stat1 VALUES ({table}, {index}, {stat})");
            }
        }
        // Loads the statistics just written.
        await db.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema");
    }
}
