namespace Atende.Web.Resources;

/// <summary>Texts of the email templates administration and of the delivery state of a ticket's mail.</summary>
public sealed class EmailTemplateText;
