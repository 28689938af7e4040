namespace Atende.Web.Resources;

/// <summary>Marker for the AccountText resources (AccountText.resx, AccountText.pt-BR.resx).</summary>
public sealed class AccountText;
