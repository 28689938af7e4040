namespace Atende.Catalog;

/// <summary>A label on tickets. Names are stored lower-case so "VPN" and "vpn" are one tag.</summary>
public sealed class Tag
{
    private Tag() { }

    public Tag(string name) => Name = Normalize(name);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    public void Rename(string name) => Name = Normalize(name);

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
