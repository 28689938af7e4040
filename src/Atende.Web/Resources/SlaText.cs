namespace Atende.Web.Resources;

/// <summary>Texts of service targets: the SLA administration (calendars, policies) and the SLA part of the agent's ticket page.</summary>
public sealed class SlaText;
