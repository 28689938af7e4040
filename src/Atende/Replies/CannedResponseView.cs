using Atende.Accounts;

namespace Atende.Replies;

/// <summary>A canned response as the API shows it; <c>canEdit</c> tells a client whether to offer editing.</summary>
/// <remarks>There is no owner field: a caller only ever sees shared responses and their own.</remarks>
public sealed record CannedResponseView(int Id, string Title, string Body, bool Shared, bool CanEdit, DateTime CreatedAt, DateTime UpdatedAt)
{
    internal static IQueryable<CannedResponseView> Project(IQueryable<CannedResponse> responses, Caller caller)
    {
        var me = caller.AgentId;
        var admin = caller.IsAdmin;
        return responses.Select(r => new CannedResponseView(
            r.Id, r.Title, r.Body, r.OwnerAgentId == null, r.OwnerAgentId == null ? admin : r.OwnerAgentId == me, r.CreatedAt, r.UpdatedAt));
    }

    internal static CannedResponseView Of(CannedResponse r, Caller caller) =>
        new(r.Id, r.Title, r.Body, r.IsShared, r.CanBeChangedBy(caller), r.CreatedAt, r.UpdatedAt);
}

/// <summary>Title, body and who may use it, as the create and update requests carry them.</summary>
internal static class CannedResponseInput
{
    public static (string? Title, string? Body) Validate(string? title, string? body, ValidationErrors errors, bool titleRequired = true, bool bodyRequired = true)
    {
        var validTitle = errors.Text("title", title, CannedResponse.TitleMaxLength, titleRequired);
        string? validBody = null;
        if (body is not null || bodyRequired)
        {
            validBody = Content.MarkdownBody.Validate("body", body, errors);
            if (validBody is { Length: > CannedResponse.BodyMaxLength })
            {
                errors.Add("body", $"must be at most {CannedResponse.BodyMaxLength} characters.");
            }
            else if (validBody is not null)
            {
                CannedResponsePlaceholders.Validate("body", validBody, errors);
            }
        }
        return (validTitle, validBody);
    }
}
