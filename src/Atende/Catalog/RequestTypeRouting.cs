using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>The check behind a type's default team: it must be a team that exists (400 naming the field otherwise).</summary>
internal static class RequestTypeRouting
{
    public static async Task RequireTeamAsync(AtendeDb db, string field, int? teamId, CancellationToken ct)
    {
        if (teamId is { } id && !await db.Teams.AnyAsync(t => t.Id == id, ct))
        {
            throw InvalidRequestException.For(field, "is not a team.");
        }
    }
}
