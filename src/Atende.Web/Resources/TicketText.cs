namespace Atende.Web.Resources;

/// <summary>Marker for the ticket page's strings (TicketText.resx, TicketText.pt-BR.resx).</summary>
public sealed class TicketText;
