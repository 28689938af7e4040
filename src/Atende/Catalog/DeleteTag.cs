using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>Deletes a tag and takes it off every ticket (admins).</summary>
public sealed class DeleteTag(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        // One statement: the foreign key cascades to the tickets' tag rows, so no ticket is left pointing at nothing.
        if (await db.Tags.Where(t => t.Id == id).ExecuteDeleteAsync(ct) == 0)
        {
            throw new NotFoundException($"Tag {id}");
        }
    }
}
