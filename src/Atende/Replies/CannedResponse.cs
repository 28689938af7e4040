using Atende.Accounts;

namespace Atende.Replies;

/// <summary>
/// A reusable reply text with placeholders (see <see cref="CannedResponsePlaceholders"/>). A shared one belongs to the
/// whole desk and only admins change it; a personal one belongs to the agent who wrote it and only they see it.
/// </summary>
public sealed class CannedResponse
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;

    private CannedResponse() { }

    private CannedResponse(string title, string body, int? ownerAgentId, DateTime now)
    {
        Title = title;
        Body = body;
        OwnerAgentId = ownerAgentId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Markdown with placeholders such as {{requester.name}}.</summary>
    public string Body { get; private set; } = "";
    /// <summary>Null for a shared response.</summary>
    public int? OwnerAgentId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool IsShared => OwnerAgentId is null;

    public static CannedResponse Shared(string title, string body, Caller author, DateTime now)
    {
        if (!author.IsAdmin)
        {
            throw new ForbiddenException("Only administrators can create shared canned responses; create a personal one instead.");
        }
        return new CannedResponse(title, body, null, now);
    }

    public static CannedResponse Personal(string title, string body, Caller author, DateTime now) =>
        new(title, body, author.AgentId ?? throw new ForbiddenException("Personal canned responses belong to an agent."), now);

    /// <summary>Shared ones are the admins' to change; personal ones their owner's alone.</summary>
    public bool CanBeChangedBy(Caller caller) => IsShared ? caller.IsAdmin : caller.AgentId == OwnerAgentId;

    public void Edit(string title, string body, Caller editor, DateTime now)
    {
        RequireChangeableBy(editor);
        Title = title;
        Body = body;
        UpdatedAt = now;
    }

    public void RequireChangeableBy(Caller caller)
    {
        if (!CanBeChangedBy(caller))
        {
            throw new ForbiddenException(IsShared
                ? "Only administrators can change shared canned responses."
                : "Only the agent who wrote a personal canned response can change it.");
        }
    }
}

public static class CannedResponseVisibility
{
    /// <summary>Every agent sees the shared responses and their own personal ones; nobody sees a colleague's personal ones.</summary>
    public static IQueryable<CannedResponse> VisibleTo(this IQueryable<CannedResponse> responses, Caller caller)
    {
        if (!caller.IsStaff)
        {
            return responses.Where(r => false);
        }
        var me = caller.AgentId;
        return responses.Where(r => r.OwnerAgentId == null || r.OwnerAgentId == me);
    }
}
