namespace Atende.Web.Resources;

/// <summary>Texts of the mailboxes administration: the accounts mail is fetched from and replies leave through.</summary>
public sealed class MailboxText;
