using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Atende.Persistence;

/// <summary>
/// SQLite has one writer at a time. Microsoft.Data.Sqlite waits for a busy database by sleeping 150 ms and
/// retrying, so two requests writing at once cost the loser 150 ms or more. SQLite's own busy handler waits in
/// steps of a few milliseconds instead; turning it on per connection lets the managed retry almost never run.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
