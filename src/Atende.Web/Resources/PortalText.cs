namespace Atende.Web.Resources;

/// <summary>Marker for the customer portal's request texts (PortalText.resx, PortalText.pt-BR.resx).</summary>
public sealed class PortalText;
