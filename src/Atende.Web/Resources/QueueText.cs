namespace Atende.Web.Resources;

/// <summary>Marker for the queue, board and search texts (QueueText.resx, QueueText.pt-BR.resx).</summary>
public sealed class QueueText;
