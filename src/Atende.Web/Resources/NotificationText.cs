namespace Atende.Web.Resources;

/// <summary>Texts of agent notifications: the preferences page and the lines of the kinds added with them.</summary>
public sealed class NotificationText;
