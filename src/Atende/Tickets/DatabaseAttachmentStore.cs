using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>Bytes in the database: every node sees them, backups include them, nothing else to configure.</summary>
public sealed class DatabaseAttachmentStore(IDbContextFactory<AtendeDb> factory) : IAttachmentStore
{
    public async Task SaveAsync(string sha256, byte[] bytes, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.AttachmentContents.AnyAsync(c => c.Sha256 == sha256, ct))
        {
            return;
        }
        db.AttachmentContents.Add(new AttachmentContent { Sha256 = sha256, Bytes = bytes });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same file uploaded concurrently is fine (one copy is all we want); anything else is not.
            await using var check = await factory.CreateDbContextAsync(ct);
            if (!await check.AttachmentContents.AnyAsync(c => c.Sha256 == sha256, ct))
            {
                throw;
            }
        }
    }

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AttachmentContents.Where(c => c.Sha256 == sha256).Select(c => c.Bytes).FirstOrDefaultAsync(ct);
    }
}
