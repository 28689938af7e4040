namespace Atende.Web.Resources;

/// <summary>Marker for the PortalAccountText resources: customer accounts in the portal, their emails, the portal settings.</summary>
public sealed class PortalAccountText;
