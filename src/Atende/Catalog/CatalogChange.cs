using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Atende.Catalog;

/// <summary>
/// Admin changes to statuses and request types check rules over the whole table ("one default type", "a New
/// and a Closed status remain"). Two admins on two nodes must not both pass the check, so each change runs
/// in a transaction that holds the table's change lock: on SQLite the single writer already is one; on
/// PostgreSQL a self-exclusive table lock that plain reads and ticket writes do not wait for.
/// </summary>
internal static class CatalogChange
{
    public static Task<IDbContextTransaction> BeginStatusChangeAsync(this AtendeDb db, CancellationToken ct) =>
        BeginAsync(db, """LOCK TABLE "Statuses" IN SHARE ROW EXCLUSIVE MODE""", ct);

    public static Task<IDbContextTransaction> BeginRequestTypeChangeAsync(this AtendeDb db, CancellationToken ct) =>
        BeginAsync(db, """LOCK TABLE "RequestTypes" IN SHARE ROW EXCLUSIVE MODE""", ct);

    private static async Task<IDbContextTransaction> BeginAsync(AtendeDb db, string lockSql, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(lockSql, ct);
        }
        return transaction;
    }
}
