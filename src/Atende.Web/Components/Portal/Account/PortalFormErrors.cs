using Atende.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Atende.Web.Components.Portal.Account;

/// <summary>
/// The handlers speak English (the API's language); a customer at a form reads the same refusal in their language,
/// chosen by the field it is about.
/// </summary>
public static class PortalFormErrors
{
    public static Dictionary<string, string> Localize(InvalidRequestException e, IStringLocalizer<PortalAccountText> text) =>
        e.Errors.ToDictionary(pair => pair.Key, pair => (string)text[KeyFor(pair.Key, pair.Value)], StringComparer.Ordinal);

    /// <summary>The message for one field, as the list <see cref="FieldError"/> shows under its input.</summary>
    public static IReadOnlyList<string> For(IReadOnlyDictionary<string, string> errors, string field) =>
        errors.TryGetValue(field, out var message) ? [message] : [];

    private static string KeyFor(string field, string[] messages) => field switch
    {
        _ when messages.Any(m => m.StartsWith("is required", StringComparison.Ordinal)) => "Error.Required",
        "email" => "Error.Email",
        "password" => "Error.PasswordLength",
        "name" => "Error.Name",
        "token" => "Token.Invalid",
        _ => "Error.Invalid",
    };
}
