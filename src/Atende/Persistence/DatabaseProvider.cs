namespace Atende.Persistence;

public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}
