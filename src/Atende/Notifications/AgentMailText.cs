namespace Atende.Notifications;

/// <summary>Marker for the phrases agent mails put into their templates (AgentMailText.resx, English and pt-BR), written by background jobs.</summary>
public sealed class AgentMailText;
