using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

public sealed record RenameTagRequest(string? Name);

/// <summary>
/// Renames a tag (admins). Renaming onto the name of another tag merges the two: every ticket that carried this
/// tag carries the other one (once) and this tag is gone. That is how duplicates such as "vpn" and "vpn-issue"
/// get cleaned up without retagging tickets one by one. The answer is the surviving tag.
/// </summary>
public sealed class RenameTag(AtendeDb db)
{
    public async Task<TagView> HandleAsync(int id, RenameTagRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var name = EnsureTags.ValidateName("name", request.Name, errors);
        errors.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"Tag {id}");
        var survivor = await db.Tags.FirstOrDefaultAsync(t => t.Name == name && t.Id != id, ct);
        if (survivor is null)
        {
            tag.Rename(name!);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // An agent's ticket created a tag with this name a moment ago; a retry merges into it.
                throw new BusinessRuleException($"A tag named '{name}' was just created; send the rename again to merge into it.");
            }
            survivor = tag;
        }
        else
        {
            // Tickets with both tags keep the survivor's row; the rest move over, so no ticket gets the tag twice.
            await db.TicketTags
                .Where(x => x.TagId == id && db.TicketTags.Any(y => y.TicketId == x.TicketId && y.TagId == survivor.Id))
                .ExecuteDeleteAsync(ct);
            await db.TicketTags.Where(x => x.TagId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TagId, survivor.Id), ct);
            await db.Tags.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new TagView(survivor.Id, survivor.Name, await db.TicketTags.CountAsync(x => x.TagId == survivor.Id, ct));
    }
}
