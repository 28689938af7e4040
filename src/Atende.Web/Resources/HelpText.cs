namespace Atende.Web.Resources;

/// <summary>Marker for the HelpText resources (HelpText.resx, HelpText.pt-BR.resx): the help center and the agents' knowledge-base editor.</summary>
public sealed class HelpText;
