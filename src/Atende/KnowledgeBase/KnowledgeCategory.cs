namespace Atende.KnowledgeBase;

/// <summary>
/// A shelf of the help center. Categories may nest one level under a parent; the position orders them. The name and
/// description may have a Portuguese version, shown to Portuguese readers (the English one otherwise).
/// </summary>
public sealed class KnowledgeCategory
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 500;

    private KnowledgeCategory() { }

    public KnowledgeCategory(string name, string? description, int? parentId, int position, DateTime now)
    {
        Rename(name, description);
        ParentId = parentId;
        Position = position;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string? Description { get; private set; }
    public string? PortugueseName { get; private set; }
    public string? PortugueseDescription { get; private set; }
    public int? ParentId { get; private set; }
    public int Position { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void Rename(string name, string? description)
    {
        Name = name;
        Slug = ArticleSlug.From(name);
        Description = description;
    }

    public void TranslateToPortuguese(string? name, string? description)
    {
        PortugueseName = name;
        PortugueseDescription = description;
    }

    public string NameIn(string? language) => language == KnowledgeLanguage.Portuguese && PortugueseName is { Length: > 0 } name ? name : Name;

    public string? DescriptionIn(string? language) =>
        language == KnowledgeLanguage.Portuguese && PortugueseDescription is { Length: > 0 } description ? description : Description;

    public void MoveUnder(int? parentId)
    {
        if (parentId == Id && Id != 0)
        {
            throw new BusinessRuleException("A category cannot be its own parent.");
        }
        ParentId = parentId;
    }

    public void MoveTo(int position) => Position = position;
}
