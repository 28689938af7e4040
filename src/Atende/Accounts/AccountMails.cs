using Atende.Email;
using Atende.Persistence;

namespace Atende.Accounts;

/// <summary>
/// Queues an account email as an <see cref="OutboundEmail"/> on the caller's DbContext, so it is saved with the change
/// that causes it (the token) and delivered later by <see cref="DeliverOutboundEmails"/>.
/// </summary>
public sealed class AccountMails(IAccountMailText text, Portal.GetPortalSettings settings, TimeProvider clock)
{
    public async Task QueueAsync(AtendeDb db, AccountMailKind kind, string to, string? toName, string language, string linkPath, CancellationToken ct)
    {
        var brand = (await settings.HandleAsync(ct)).BrandName;
        var mail = text.Write(kind, language, toName ?? to, brand, linkPath);
        db.OutboundEmails.Add(new OutboundEmail("account." + KindName(kind), to, toName, language, mail.Subject, mail.TextBody, null, null,
            clock.GetUtcNow().UtcDateTime));
    }

    private static string KindName(AccountMailKind kind) => kind switch
    {
        AccountMailKind.ConfirmEmail => "confirm-email",
        AccountMailKind.AlreadyRegistered => "already-registered",
        AccountMailKind.Invitation => "invitation",
        _ => "reset-password",
    };

    public const string ConfirmPath = "/portal/confirm?token=";
    public const string InvitationPath = "/portal/invitation?token=";
    public const string ResetPath = "/portal/reset-password?token=";
    public const string ForgotPath = "/portal/forgot-password";
}
