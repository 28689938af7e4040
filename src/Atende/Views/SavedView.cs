using System.Text.Json;

namespace Atende.Views;

/// <summary>
/// A queue an agent defined: a ticket filter and a sort under a name. Personal (only the owner sees it) or shared
/// with one team (its members see it, read-only; the owner and admins change it).
/// </summary>
public sealed class SavedView
{
    public const int NameMaxLength = 100;
    public const int FilterJsonMaxLength = 4000;
    /// <summary>Counts run every view of the navigation; a ceiling per owner keeps that bounded.</summary>
    public const int MaxPerOwner = 50;

    private SavedView() { }

    public SavedView(string name, ViewFilter filter, string sort, int ownerAgentId, int? teamId, DateTime now)
    {
        Name = name;
        FilterJson = Serialize(filter);
        Sort = sort;
        OwnerAgentId = ownerAgentId;
        TeamId = teamId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string FilterJson { get; private set; } = "{}";
    public string Sort { get; private set; } = "-updatedAt";
    public int OwnerAgentId { get; private set; }
    /// <summary>Null: personal. Otherwise shared with this team.</summary>
    public int? TeamId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public ViewFilter Filter => Parse(FilterJson);

    public void Rename(string name, DateTime now) => (Name, UpdatedAt) = (name, now);
    public void ChangeFilter(ViewFilter filter, DateTime now) => (FilterJson, UpdatedAt) = (Serialize(filter), now);
    public void ChangeSort(string sort, DateTime now) => (Sort, UpdatedAt) = (sort, now);
    public void ShareWith(int? teamId, DateTime now) => (TeamId, UpdatedAt) = (teamId, now);

    internal static string Serialize(ViewFilter filter) => JsonSerializer.Serialize(filter, JsonSerializerOptions.Web);
    internal static ViewFilter Parse(string json) => JsonSerializer.Deserialize<ViewFilter>(json, JsonSerializerOptions.Web) ?? new ViewFilter();
}
