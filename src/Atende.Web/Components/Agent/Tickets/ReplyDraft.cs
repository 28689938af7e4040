using Atende.Tickets;

namespace Atende.Web.Components.Agent.Tickets;

/// <summary>What the reply box hands to the page when the agent sends: one message, optionally with a new status.</summary>
public sealed record ReplyDraft(string Body, Visibility Visibility, IReadOnlyList<int> AttachmentIds, string? Status);

/// <summary>An upload already stored on the server, waiting to be attached to the message being written.</summary>
public sealed record PendingUpload(int Id, string FileName, long Size);
