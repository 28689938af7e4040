namespace Atende.Accounts;

public enum AccountMailKind
{
    ConfirmEmail,
    AlreadyRegistered,
    Invitation,
    ResetPassword,
}

/// <summary>The subject and body of an account email, in the recipient's language.</summary>
public sealed record AccountMailText(string Subject, string TextBody);

/// <summary>
/// Writes the account emails. The words live with the host's other translations (.resx), and so does the site's
/// public address the links point to; the domain only says which mail, to whom, and which path.
/// </summary>
public interface IAccountMailText
{
    AccountMailText Write(AccountMailKind kind, string language, string recipientName, string brandName, string linkPath);
}
