namespace Atende.Persistence;

/// <summary>Configuration section "Database" plus the "Atende" connection string.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
