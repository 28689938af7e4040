using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

public sealed record CreateTagRequest(string? Name);

/// <summary>Adds a tag before any ticket carries it (staff), so it shows up in pickers and rules.</summary>
public sealed class CreateTag(AtendeDb db)
{
    public async Task<TagView> HandleAsync(CreateTagRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var name = EnsureTags.ValidateName("name", request.Name, errors);
        errors.ThrowIfAny();

        if (await db.Tags.AnyAsync(t => t.Name == name, ct))
        {
            throw InvalidRequestException.For("name", "is already a tag.");
        }
        var tag = new Tag(name!);
        db.Tags.Add(tag);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Agents tag tickets freely, so the same name may have been created a moment ago; the unique index decides.
            throw InvalidRequestException.For("name", "is already a tag.");
        }
        return new TagView(tag.Id, tag.Name, 0);
    }
}
