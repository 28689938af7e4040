namespace Atende.Catalog;

/// <summary>What a status means to the system, whatever the admin named it.</summary>
public enum StatusCategory
{
    New = 0,
    Open = 1,
    Pending = 2,
    Resolved = 3,
    Closed = 4,
}

public static class StatusCategories
{
    public static bool IsActive(this StatusCategory category) => category < StatusCategory.Resolved;
    public static bool IsDone(this StatusCategory category) => category >= StatusCategory.Resolved;
}
