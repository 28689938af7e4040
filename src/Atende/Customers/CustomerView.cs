using System.Linq.Expressions;

namespace Atende.Customers;

public sealed record CustomerView(int Id, string Email, string Name, string? Phone, string Language,
    int? OrganizationId, string? OrganizationName, bool CanSignIn, string? Notes, DateTime CreatedAt)
{
    /// <summary>The notes as sanitized HTML, the way message bodies come with their bodyHtml.</summary>
    public string? NotesHtml => TeamNotes.ToHtml(Notes);

    /// <summary>One projection for every read, so a list and a single read never disagree on a field.</summary>
    internal static Expression<Func<Customer, CustomerView>> Projection { get; } = c => new CustomerView(
        c.Id, c.Email, c.Name, c.Phone, c.Language, c.OrganizationId,
        c.Organization == null ? null : c.Organization.Name, c.AccountId != null, c.Notes, c.CreatedAt);
}
