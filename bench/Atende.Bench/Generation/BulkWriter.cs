using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Atende.Bench.Generation;

/// <summary>A table the generator fills, with the columns it writes in order.</summary>
internal sealed record Table(string Name, params string[] Columns);

/// <summary>
/// Writes generated rows the fastest way each database offers: prepared INSERTs in one transaction per batch on
/// SQLite, binary COPY on PostgreSQL. The two databases are the seam; everything above it is shared.
/// </summary>
internal interface IBulkWriter : IAsyncDisposable
{
    Task BeginBatchAsync();

    Task WriteAsync(Table table, IReadOnlyList<object?[]> rows);

    Task CommitBatchAsync();

    /// <summary>Once at the end: sequences past the explicit ids, fresh planner statistics.</summary>
    Task FinishAsync(IEnumerable<Table> tables);

    DbConnection Connection { get; }
}

internal sealed class SqliteBulkWriter : IBulkWriter
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    public SqliteBulkWriter(string connectionString)
    {
        // A plain connection (not EF's): foreign keys are not re-checked for rows that are consistent by construction.
        _connection = new SqliteConnection(connectionString);
    }

    public DbConnection Connection => _connection;

    public async Task OpenAsync()
    {
        await _connection.OpenAsync();
        await using var pragma = _connection.CreateCommand();
        // A generated data set can be generated again: durability per batch buys nothing here.
        pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;";
        await pragma.ExecuteNonQueryAsync();
    }

    public Task BeginBatchAsync()
    {
        _transaction = _connection.BeginTransaction();
        foreach (var command in _commands.Values)
        {
            command.Transaction = _transaction;
        }
        return Task.CompletedTask;
    }

    public async Task WriteAsync(Table table, IReadOnlyList<object?[]> rows)
    {
        if (!_commands.TryGetValue(table.Name, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }
            command.Transaction = _transaction;
            command.Prepare();
            _commands[table.Name] = command;
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    // EF Core's SQLite format, so the application compares and sorts these as its own.
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                    bool b => b ? 1 : 0,
                    var v => v,
                };
            }
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task CommitBatchAsync()
    {
        await _transaction!.CommitAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async Task FinishAsync(IEnumerable<Table> tables)
    {
        await using var analyze = _connection.CreateCommand();
        analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
        await _connection.DisposeAsync();
    }
}

internal sealed class PostgresBulkWriter(string connectionString) : IBulkWriter
{
    private readonly NpgsqlConnection _connection = new(connectionString);
    private NpgsqlTransaction? _transaction;

    public DbConnection Connection => _connection;

    public async Task OpenAsync()
    {
        await _connection.OpenAsync();
        await using var setting = new NpgsqlCommand("SET synchronous_commit = off", _connection);
        await setting.ExecuteNonQueryAsync();
    }

    public async Task BeginBatchAsync() => _transaction = await _connection.BeginTransactionAsync();

    public async Task WriteAsync(Table table, IReadOnlyList<object?[]> rows)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        await using var import = await _connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await import.StartRowAsync();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: await import.WriteNullAsync(); break;
                    case int i: await import.WriteAsync(i, NpgsqlDbType.Integer); break;
                    case long l: await import.WriteAsync(l, NpgsqlDbType.Bigint); break;
                    case bool b: await import.WriteAsync(b, NpgsqlDbType.Boolean); break;
                    case DateTime d: await import.WriteAsync(DateTime.SpecifyKind(d, DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
                    case decimal m: await import.WriteAsync(m, NpgsqlDbType.Numeric); break;
                    case string s: await import.WriteAsync(s, NpgsqlDbType.Text); break;
                    default: throw new InvalidOperationException($"No COPY mapping for {value.GetType()} in {table.Name}.");
                }
            }
        }
        await import.CompleteAsync();
    }

    public async Task CommitBatchAsync()
    {
        await _transaction!.CommitAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async Task FinishAsync(IEnumerable<Table> tables)
    {
        // Rows came with explicit ids: move each identity past them so the application's next insert does not collide.
        foreach (var table in tables.Where(t => t.Columns[0] == "Id"))
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table.Name}\"), 1))", _connection);
            await reset.ExecuteScalarAsync();
        }
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", _connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
