using System.Text.Json.Serialization;

namespace Atende.Tickets;

public enum LinkKind
{
    [JsonStringEnumMemberName("relates")] Relates = 0,
    [JsonStringEnumMemberName("parent")] Parent = 1,
    [JsonStringEnumMemberName("child")] Child = 2,
    [JsonStringEnumMemberName("duplicates")] Duplicates = 3,
    [JsonStringEnumMemberName("duplicated_by")] DuplicatedBy = 4,
    [JsonStringEnumMemberName("causes")] Causes = 5,
    [JsonStringEnumMemberName("caused_by")] CausedBy = 6,
}

public static class LinkKinds
{
    /// <summary>A link is stored from both ends, so each ticket lists it without a second query shape.</summary>
    public static LinkKind Inverse(this LinkKind kind) => kind switch
    {
        LinkKind.Parent => LinkKind.Child,
        LinkKind.Child => LinkKind.Parent,
        LinkKind.Duplicates => LinkKind.DuplicatedBy,
        LinkKind.DuplicatedBy => LinkKind.Duplicates,
        LinkKind.Causes => LinkKind.CausedBy,
        LinkKind.CausedBy => LinkKind.Causes,
        _ => LinkKind.Relates,
    };
}
