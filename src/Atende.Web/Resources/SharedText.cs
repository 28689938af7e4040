namespace Atende.Web.Resources;

/// <summary>Marker for the SharedText resources (SharedText.resx, SharedText.pt-BR.resx).</summary>
public sealed class SharedText;
