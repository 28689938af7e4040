using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

public sealed class GetTag(AtendeDb db)
{
    public async Task<TagView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return await db.Tags.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TagView(t.Id, t.Name, db.TicketTags.Count(x => x.TagId == t.Id)))
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Tag {id}");
    }
}
