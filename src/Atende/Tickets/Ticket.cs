using System.Globalization;
using Atende.Accounts;
using Atende.Agents;
using Atende.Catalog;
using Atende.Customers;

namespace Atende.Tickets;

/// <summary>
/// A service request. Every change goes through a method here, which writes the history row, bumps the
/// version (ETag) and queues the outbox event — so no caller can change a ticket without a trace.
/// </summary>
public sealed class Ticket
{
    private readonly List<PendingEvent> _pending = [];

    private Ticket() { }

    public int Id { get; private set; }
    public string Subject { get; private set; } = "";
    public int StatusId { get; private set; }
    public TicketStatus Status { get; private set; } = null!;
    /// <summary>Copied from the status so queue queries filter and index on the ticket row alone.</summary>
    public StatusCategory StatusCategory { get; private set; }
    public Priority Priority { get; private set; }
    public int RequestTypeId { get; private set; }
    public RequestType RequestType { get; private set; } = null!;
    public Channel Channel { get; private set; }
    public int RequesterId { get; private set; }
    public Customer Requester { get; private set; } = null!;
    /// <summary>The requester's organization when the ticket was opened; the visibility rules use it.</summary>
    public int? OrganizationId { get; private set; }
    public Organization? Organization { get; private set; }
    public int? AssigneeId { get; private set; }
    public Agent? Assignee { get; private set; }
    public int? TeamId { get; private set; }
    public Team? Team { get; private set; }
    /// <summary>The mailbox the ticket's mail goes through: where it arrived, and what its replies are sent from.</summary>
    public int? MailboxId { get; private set; }
    public string FieldsJson { get; private set; } = "{}";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    /// <summary>Resolution due time; the SLA module (a later issue) sets it. Drives "overdue" and the dueAt sort.</summary>
    public DateTime? DueAt { get; private set; }
    public int? EstimateMinutes { get; private set; }
    public int TimeSpentMinutes { get; private set; }
    public int? MergedIntoId { get; private set; }
    public int Version { get; private set; }

    public List<TicketTag> Tags { get; private set; } = [];
    public List<Message> Messages { get; private set; } = [];
    public List<TicketHistoryEntry> History { get; private set; } = [];
    public List<TicketWatcher> Watchers { get; private set; } = [];
    public List<TicketParticipant> Participants { get; private set; } = [];
    public List<TimeEntry> TimeEntries { get; private set; } = [];

    /// <summary>True when the subject or fields changed, so the search document must be rewritten.</summary>
    internal bool SearchTextChanged { get; private set; }

    public string ETag => $"\"{Version}\"";

    public static Ticket Open(
        string subject,
        Customer requester,
        RequestType type,
        TicketStatus status,
        Priority priority,
        Channel channel,
        string fieldsJson,
        Caller actor,
        DateTime now)
    {
        var ticket = new Ticket
        {
            Subject = subject,
            Requester = requester,
            RequesterId = requester.Id,
            OrganizationId = requester.OrganizationId,
            RequestType = type,
            RequestTypeId = type.Id,
            Status = status,
            StatusId = status.Id,
            StatusCategory = status.Category,
            Priority = priority,
            Channel = channel,
            FieldsJson = fieldsJson,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            SearchTextChanged = true,
        };
        ticket.History.Add(new TicketHistoryEntry(actor, "created", null, subject, now));
        ticket._pending.Add(new PendingEvent(TicketEvents.Created, actor, [], null, now));
        return ticket;
    }

    public void Rename(string subject, Caller actor, DateTime now)
    {
        if (subject == Subject)
        {
            return;
        }
        Change("subject", Subject, subject, actor, now);
        Subject = subject;
        SearchTextChanged = true;
    }

    public void ChangeStatus(TicketStatus status, Caller actor, DateTime now)
    {
        // Unsaved rows all have id 0, so compare those by identity.
        if (status.Id != 0 ? status.Id == StatusId : ReferenceEquals(status, Status))
        {
            return;
        }
        Change("status", Status?.Key, status.Key, actor, now);
        var wasDone = StatusCategory.IsDone();
        Status = status;
        StatusId = status.Id;
        StatusCategory = status.Category;
        if (status.Category.IsDone() && !wasDone)
        {
            Change("resolvedAt", null, Iso(now), actor, now);
            ResolvedAt = now;
        }
        else if (!status.Category.IsDone() && wasDone)
        {
            Change("resolvedAt", ResolvedAt is { } r ? Iso(r) : null, null, actor, now);
            ResolvedAt = null;
        }
    }

    /// <summary>
    /// Until when the requester may reopen this ticket themselves (after that they open a new one, so an old
    /// conversation does not come back to life months later); null when they cannot: it is not done, or it was merged.
    /// </summary>
    public DateTime? RequesterMayReopenUntil(int reopenDays) => RequesterMayReopenUntil(StatusCategory, ResolvedAt, MergedIntoId, reopenDays);

    public static DateTime? RequesterMayReopenUntil(StatusCategory category, DateTime? resolvedAt, int? mergedIntoId, int reopenDays) =>
        category.IsDone() && mergedIntoId is null && resolvedAt is { } resolved ? resolved.AddDays(reopenDays) : null;

    public void ChangePriority(Priority priority, Caller actor, DateTime now)
    {
        if (priority == Priority)
        {
            return;
        }
        Change("priority", Priority.ToString().ToLowerInvariant(), priority.ToString().ToLowerInvariant(), actor, now);
        Priority = priority;
    }

    public void ChangeType(RequestType type, string fieldsJson, Caller actor, DateTime now)
    {
        if (type.Id != RequestTypeId)
        {
            Change("type", RequestType?.Key, type.Key, actor, now);
            RequestType = type;
            RequestTypeId = type.Id;
        }
        SetFields(fieldsJson, actor, now);
    }

    public void SetFields(string fieldsJson, Caller actor, DateTime now)
    {
        if (fieldsJson == FieldsJson)
        {
            return;
        }
        Change("fields", FieldsJson, fieldsJson, actor, now);
        FieldsJson = fieldsJson;
        SearchTextChanged = true;
    }

    public void AssignTo(Agent? assignee, Caller actor, DateTime now)
    {
        if (assignee?.Id == AssigneeId)
        {
            return;
        }
        if (assignee is { Active: false })
        {
            throw new BusinessRuleException($"{assignee.Name} is no longer an active agent and cannot be assigned tickets.");
        }
        Change("assignee", Assignee?.Name ?? AssigneeId?.ToString(CultureInfo.InvariantCulture), assignee?.Name, actor, now);
        Assignee = assignee;
        AssigneeId = assignee?.Id;
    }

    public void MoveToTeam(Team? team, Caller actor, DateTime now)
    {
        if (team?.Id == TeamId)
        {
            return;
        }
        Change("team", Team?.Name ?? TeamId?.ToString(CultureInfo.InvariantCulture), team?.Name, actor, now);
        Team = team;
        TeamId = team?.Id;
    }

    /// <summary>Replaces the tags; <paramref name="names"/> maps tag id to name for the history row.</summary>
    public void SetTags(IReadOnlyDictionary<int, string> wanted, IReadOnlyDictionary<int, string> currentNames, Caller actor, DateTime now)
    {
        var current = Tags.Select(t => t.TagId).ToHashSet();
        if (current.SetEquals(wanted.Keys))
        {
            return;
        }
        Change("tags",
            string.Join(", ", current.Select(id => currentNames.GetValueOrDefault(id, "?")).Order()),
            string.Join(", ", wanted.Values.Order()),
            actor, now);
        Tags.RemoveAll(t => !wanted.ContainsKey(t.TagId));
        foreach (var id in wanted.Keys.Where(id => !current.Contains(id)))
        {
            Tags.Add(new TicketTag { TagId = id });
        }
    }

    public void Estimate(int? minutes, Caller actor, DateTime now)
    {
        if (minutes == EstimateMinutes)
        {
            return;
        }
        Change("estimateMinutes", EstimateMinutes?.ToString(CultureInfo.InvariantCulture), minutes?.ToString(CultureInfo.InvariantCulture), actor, now);
        EstimateMinutes = minutes;
    }

    /// <summary>Adds a reply or note. The first public reply by staff stamps <see cref="FirstRespondedAt"/>.</summary>
    public Message AddMessage(Message message, Caller actor, DateTime now)
    {
        if (MergedIntoId is not null)
        {
            throw new BusinessRuleException($"Ticket #{Id} was merged into #{MergedIntoId}; reply there.");
        }
        if (message.Visibility == Visibility.Internal && !actor.IsStaff)
        {
            throw new BusinessRuleException("Only agents can add internal notes.");
        }
        Messages.Add(message);
        if (message.Visibility == Visibility.Public && actor.IsStaff && FirstRespondedAt is null)
        {
            FirstRespondedAt = now;
            History.Add(new TicketHistoryEntry(actor, "firstRespondedAt", null, Iso(now), now));
        }
        Touch(now);
        var type = message.Visibility == Visibility.Internal ? TicketEvents.NoteAdded
            : actor.IsStaff ? TicketEvents.MessageFromAgent
            : TicketEvents.MessageFromCustomer;
        _pending.Add(new PendingEvent(type, actor, [], message, now));
        return message;
    }

    public void LogTime(TimeEntry entry, Caller actor, DateTime now)
    {
        if (entry.Minutes <= 0)
        {
            throw InvalidRequestException.For("minutes", "must be greater than zero.");
        }
        TimeEntries.Add(entry);
        Change("timeSpentMinutes", TimeSpentMinutes.ToString(CultureInfo.InvariantCulture),
            (TimeSpentMinutes + entry.Minutes).ToString(CultureInfo.InvariantCulture), actor, now);
        TimeSpentMinutes += entry.Minutes;
    }

    public void Watch(int agentId, Caller actor, DateTime now)
    {
        if (Watchers.Any(w => w.AgentId == agentId))
        {
            return;
        }
        Watchers.Add(new TicketWatcher { AgentId = agentId });
        Change("watchers", null, agentId.ToString(CultureInfo.InvariantCulture), actor, now);
    }

    public void Unwatch(int agentId, Caller actor, DateTime now)
    {
        if (Watchers.RemoveAll(w => w.AgentId == agentId) > 0)
        {
            Change("watchers", agentId.ToString(CultureInfo.InvariantCulture), null, actor, now);
        }
    }

    /// <summary>Ties the ticket to the mailbox its mail goes through (set when mail opens it, or by an agent).</summary>
    public void UseMailbox(int? mailboxId) => MailboxId = mailboxId;

    /// <summary>Adds a customer (other than the requester) who receives the public replies; a second add changes nothing.</summary>
    public void AddParticipant(int customerId, Caller actor, DateTime now)
    {
        if (customerId == RequesterId || Participants.Any(p => p.CustomerId == customerId))
        {
            return;
        }
        Participants.Add(new TicketParticipant { CustomerId = customerId });
        Change("participants", null, customerId.ToString(CultureInfo.InvariantCulture), actor, now);
    }

    public void RemoveParticipant(int customerId, Caller actor, DateTime now)
    {
        if (Participants.RemoveAll(p => p.CustomerId == customerId) > 0)
        {
            Change("participants", customerId.ToString(CultureInfo.InvariantCulture), null, actor, now);
        }
    }

    /// <summary>Records a link change made from this end (the link rows themselves live in their own table).</summary>
    public void NoteLink(string? from, string? to, Caller actor, DateTime now) => Change("links", from, to, actor, now);

    /// <summary>
    /// Closes this ticket as a duplicate of <paramref name="target"/>. The conversation stays here, readable;
    /// both tickets get an internal note and a history row so nobody wonders where it went.
    /// </summary>
    public void MergeInto(Ticket target, TicketStatus closed, Caller actor, DateTime now)
    {
        if (target.Id == Id)
        {
            throw new BusinessRuleException("A ticket cannot be merged into itself.");
        }
        if (MergedIntoId is not null)
        {
            throw new BusinessRuleException($"Ticket #{Id} is already merged into #{MergedIntoId}.");
        }
        if (target.MergedIntoId is not null)
        {
            throw new BusinessRuleException($"Ticket #{target.Id} was itself merged into #{target.MergedIntoId}; merge into that one.");
        }
        AddMessage(new Message(actor, $"Merged into #{target.Id}.", Visibility.Internal, now), actor, now);
        target.AddMessage(new Message(actor, $"Ticket #{Id} (\"{Subject}\") was merged into this one.", Visibility.Internal, now), actor, now);
        Change("mergedInto", null, target.Id.ToString(CultureInfo.InvariantCulture), actor, now);
        MergedIntoId = target.Id;
        ChangeStatus(closed, actor, now);
        foreach (var watcher in Watchers.Where(w => target.Watchers.All(t => t.AgentId != w.AgentId)))
        {
            target.Watchers.Add(new TicketWatcher { AgentId = watcher.AgentId });
        }
        foreach (var participant in Participants.Where(p => p.CustomerId != target.RequesterId && target.Participants.All(t => t.CustomerId != p.CustomerId)))
        {
            target.Participants.Add(new TicketParticipant { CustomerId = participant.CustomerId });
        }
        _pending.Add(new PendingEvent(TicketEvents.Merged, actor, ["mergedInto"], null, now));
    }

    /// <summary>Lets the SLA module (a later issue) set the due time; exposed now so queues can sort by it.</summary>
    public void SetDue(DateTime? dueAt, Caller actor, DateTime now)
    {
        if (dueAt == DueAt)
        {
            return;
        }
        Change("dueAt", DueAt is { } d ? Iso(d) : null, dueAt is { } n ? Iso(n) : null, actor, now);
        DueAt = dueAt;
    }

    internal IReadOnlyList<TicketEvent> TakeEvents()
    {
        // A new ticket is one event: its first message and initial values are part of "created".
        var pending = _pending.Any(p => p.Type == TicketEvents.Created)
            ? _pending.Where(p => p.Type == TicketEvents.Created).ToList()
            : _pending;
        var events = pending
            .GroupBy(p => p.Message is null && p.Type == TicketEvents.Updated ? "update" : Guid.NewGuid().ToString())
            .Select(g => g.First() with { Fields = g.SelectMany(p => p.Fields).Distinct().ToList() })
            .Select(p => new TicketEvent(p.Type, Id, p.Actor.AgentId, p.Actor.CustomerId, p.Fields, p.Message?.Id, p.At, p.Actor.RuleId, p.Actor.AutomationDepth,
                p.Type == TicketEvents.Created ? TeamId : null, p.Type == TicketEvents.Created ? AssigneeId : null))
            .ToList();
        _pending.Clear();
        SearchTextChanged = false;
        return events;
    }

    internal bool HasPendingEvents => _pending.Count > 0;

    private void Change(string field, string? from, string? to, Caller actor, DateTime now)
    {
        History.Add(new TicketHistoryEntry(actor, field, from, to, now));
        Touch(now);
        if (Id != 0)
        {
            _pending.Add(new PendingEvent(TicketEvents.Updated, actor, [field], null, now));
        }
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        if (Id != 0)
        {
            Version++;
        }
    }

    private static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private sealed record PendingEvent(string Type, Caller Actor, IReadOnlyList<string> Fields, Message? Message, DateTime At);
}
