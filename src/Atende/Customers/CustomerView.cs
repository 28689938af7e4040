namespace Atende.Customers;

public sealed record CustomerView(int Id, string Email, string Name, string? Phone, string Language,
    int? OrganizationId, string? OrganizationName, bool CanSignIn, string? Notes, DateTime CreatedAt);
