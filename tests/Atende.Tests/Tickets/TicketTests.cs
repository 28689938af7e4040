using Atende.Accounts;
using Atende.Catalog;
using Atende.Customers;
using Atende.Tickets;

namespace Atende.Tests.Tickets;

public sealed class TicketTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Caller Agent = new(1, 7, null, Atende.Agents.AgentRole.Agent, [1], null, false, "Sam");
    private static readonly Caller Customer = new(2, null, 12, null, [], null, false, "Ana");

    private readonly TicketStatus _new = new("new", "New", StatusCategory.New, 10, "#000000");
    private readonly TicketStatus _open = new("in_progress", "In progress", StatusCategory.Open, 20, "#000000");
    private readonly TicketStatus _resolved = new("resolved", "Resolved", StatusCategory.Resolved, 40, "#000000");
    private readonly TicketStatus _closed = new("closed", "Closed", StatusCategory.Closed, 50, "#000000");

    private Ticket Open() => Ticket.Open("Printer jammed", new Customer("ana@acme.example", "Ana", null, "en", Now),
        new RequestType("incident", "Incident", null, null, null, 1), _new, Priority.Normal, Channel.Api, "{}", Agent, Now);

    [Fact]
    public void Moving_to_a_resolved_status_stamps_resolvedAt_and_reopening_clears_it()
    {
        var ticket = Open();
        ticket.ChangeStatus(_resolved, Agent, Now.AddHours(1));
        Assert.Equal(Now.AddHours(1), ticket.ResolvedAt);

        ticket.ChangeStatus(_closed, Agent, Now.AddHours(2));
        Assert.Equal(Now.AddHours(1), ticket.ResolvedAt);

        ticket.ChangeStatus(_open, Agent, Now.AddHours(3));
        Assert.Null(ticket.ResolvedAt);
        Assert.Equal(StatusCategory.Open, ticket.StatusCategory);
    }

    [Fact]
    public void The_requester_may_reopen_until_the_reopen_period_after_resolution_has_passed()
    {
        var ticket = Open();
        Assert.Null(ticket.RequesterMayReopenUntil(14));

        ticket.ChangeStatus(_resolved, Agent, Now.AddHours(1));
        Assert.Equal(Now.AddHours(1).AddDays(14), ticket.RequesterMayReopenUntil(14));
        // Closing afterwards does not restart the period: it counts from the resolution.
        ticket.ChangeStatus(_closed, Agent, Now.AddDays(3));
        Assert.Equal(Now.AddHours(1).AddDays(14), ticket.RequesterMayReopenUntil(14));
        Assert.Equal(Now.AddHours(1), ticket.RequesterMayReopenUntil(0));

        Assert.Null(Ticket.RequesterMayReopenUntil(StatusCategory.Resolved, Now, mergedIntoId: 5, reopenDays: 14));
        Assert.Null(Ticket.RequesterMayReopenUntil(StatusCategory.Pending, Now, mergedIntoId: null, reopenDays: 14));
    }

    [Fact]
    public void Only_the_first_public_reply_from_staff_stamps_firstRespondedAt()
    {
        var ticket = Open();
        ticket.AddMessage(new Message(Customer, "Hello?", Visibility.Public, Now.AddMinutes(1)), Customer, Now.AddMinutes(1));
        ticket.AddMessage(new Message(Agent, "checking logs", Visibility.Internal, Now.AddMinutes(2)), Agent, Now.AddMinutes(2));
        Assert.Null(ticket.FirstRespondedAt);

        ticket.AddMessage(new Message(Agent, "On it", Visibility.Public, Now.AddMinutes(3)), Agent, Now.AddMinutes(3));
        ticket.AddMessage(new Message(Agent, "Done", Visibility.Public, Now.AddMinutes(9)), Agent, Now.AddMinutes(9));
        Assert.Equal(Now.AddMinutes(3), ticket.FirstRespondedAt);
    }

    [Fact]
    public void Customers_cannot_add_internal_notes()
    {
        var ticket = Open();
        Assert.Throws<BusinessRuleException>(() =>
            ticket.AddMessage(new Message(Customer, "sneaky", Visibility.Internal, Now), Customer, Now));
    }

    [Fact]
    public void Every_change_writes_a_history_row_with_who_what_from_and_to()
    {
        var ticket = Open();
        ticket.ChangePriority(Priority.Urgent, Agent, Now);
        ticket.Rename("Printer jammed on floor 3", Agent, Now);
        ticket.ChangePriority(Priority.Urgent, Agent, Now); // no change, no row

        var rows = ticket.History.Select(h => (h.Field, h.From, h.To, h.ActorName)).ToList();
        Assert.Equal(
            [("created", null, "Printer jammed", "Sam"), ("priority", "normal", "urgent", "Sam"), ("subject", "Printer jammed", "Printer jammed on floor 3", "Sam")],
            rows);
    }

    [Fact]
    public void A_ticket_cannot_be_merged_into_itself()
    {
        var ticket = Open();
        Assert.Throws<BusinessRuleException>(() => ticket.MergeInto(ticket, _closed, Agent, Now));
    }

    [Fact]
    public void A_new_ticket_raises_exactly_one_created_event()
    {
        var ticket = Open();
        ticket.AddMessage(new Message(Customer, "details", Visibility.Public, Now), Customer, Now);
        var events = ticket.TakeEvents();
        Assert.Equal([TicketEvents.Created], events.Select(e => e.Type));
        Assert.Empty(ticket.TakeEvents());
    }
}
