namespace Atende.Web.Resources;

/// <summary>Marker for the administration screens' texts (AdminText.resx, AdminText.pt-BR.resx).</summary>
public sealed class AdminText;
