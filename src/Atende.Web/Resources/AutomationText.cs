namespace Atende.Web.Resources;

/// <summary>Marker for the AutomationText resources: the automation rules admin (trigger, conditions, actions, tester, firings).</summary>
public sealed class AutomationText;
