namespace Atende.Web.Resources;

/// <summary>Texts of imported mail: the failed-messages page and "show original" on a ticket.</summary>
public sealed class MailImportText;
