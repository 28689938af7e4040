using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>A fresh install starts usable: the five default statuses and three request types.</summary>
public sealed class SeedDefaults(AtendeDb db)
{
    public async Task HandleAsync(CancellationToken ct)
    {
        if (!await db.Statuses.AnyAsync(ct))
        {
            db.Statuses.AddRange(
                new TicketStatus("new", "New", StatusCategory.New, 10, "#1976d2"),
                new TicketStatus("in_progress", "In progress", StatusCategory.Open, 20, "#f57c00"),
                new TicketStatus("awaiting_customer", "Awaiting customer", StatusCategory.Pending, 30, "#7b1fa2"),
                new TicketStatus("resolved", "Resolved", StatusCategory.Resolved, 40, "#388e3c"),
                new TicketStatus("closed", "Closed", StatusCategory.Closed, 50, "#616161"));
        }
        if (!await db.RequestTypes.AnyAsync(ct))
        {
            var incident = new RequestType("incident", "Incident", "Something is broken or not working as it should.", "Support", "report_problem", 10);
            incident.MarkDefault(true);
            var request = new RequestType("service_request", "Service request", "Ask for something new: access, equipment, a change.", "Requests", "shopping_cart", 20);
            var question = new RequestType("question", "Question", "Ask how something works.", "Support", "help", 30);
            db.RequestTypes.AddRange(incident, request, question);
        }
        await db.SaveChangesAsync(ct);
    }
}
