using Atende.Content;

namespace Atende.Customers;

/// <summary>
/// What the team writes down about a customer or an organization ("prefers a phone call", "pays on the 5th"):
/// Markdown, so several lines and lists work, validated and rendered like message bodies. Customers never see it.
/// </summary>
public static class TeamNotes
{
    /// <summary>Must match the column size of <see cref="Customer.Notes"/> and <see cref="Organization.Notes"/>.</summary>
    public const int MaxLength = 4000;

    public static string? Validate(string field, string? value, ValidationErrors errors) =>
        MarkdownBody.Validate(field, value, errors, required: false, maxLength: MaxLength);

    /// <summary>Sanitized HTML for display; null when there are no notes.</summary>
    public static string? ToHtml(string? notes) => string.IsNullOrWhiteSpace(notes) ? null : MarkdownBody.ToHtml(notes);
}
