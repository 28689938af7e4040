using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Surveys;

public sealed record RateTicketRequest(int? Score, string? Comment = null);

/// <summary>
/// The requester answers (or changes, within <see cref="SatisfactionRating.ChangeWindow"/>) the satisfaction survey
/// of their resolved ticket. Only the requester: a colleague who sees the ticket through organization sharing, or an
/// agent, cannot answer for them. Used by the API, the portal's request page and the emailed link.
/// </summary>
public sealed class RateTicket(AtendeDb db, TimeProvider clock)
{
    public async Task<SatisfactionView> HandleAsync(int number, RateTicketRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.Score is null)
        {
            errors.Add("score", "is required.");
        }
        else if (request.Score is < SatisfactionRating.MinScore or > SatisfactionRating.MaxScore)
        {
            errors.Add("score", $"must be a whole number from {SatisfactionRating.MinScore} to {SatisfactionRating.MaxScore}.");
        }
        var comment = ValidateComment(request.Comment, errors);
        errors.ThrowIfAny();

        var ticket = await db.Tickets.AsNoTracking()
            .VisibleTo(caller)
            .Where(t => t.Id == number)
            .Select(t => new { t.Id, t.RequesterId, t.StatusCategory, t.MergedIntoId })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Ticket #{number}");
        if (caller.CustomerId != ticket.RequesterId)
        {
            throw new ForbiddenException($"Only the requester of #{number} can answer its satisfaction survey.");
        }
        if (ticket.MergedIntoId is { } into)
        {
            throw new BusinessRuleException($"Ticket #{number} was merged into #{into}; rate that one.");
        }
        if (!ticket.StatusCategory.IsDone())
        {
            throw new BusinessRuleException($"Ticket #{number} is not resolved; it can be rated once it is.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var rating = await db.SatisfactionRatings.FirstOrDefaultAsync(r => r.TicketId == number, ct);
            var added = rating is null;
            if (rating is null)
            {
                // Resolved before surveys were offered, or answered before the offer's outbox handler ran.
                rating = new SatisfactionRating(number, ticket.RequesterId, now);
                db.SatisfactionRatings.Add(rating);
            }
            rating.Answer(request.Score!.Value, comment, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return SatisfactionView.Of(rating.Score, rating.Comment, rating.RatedAt)!;
            }
            catch (DbUpdateException) when (added && attempt == 1)
            {
                // The offer (or a second tab's answer) created the row in between: the unique index refused ours,
                // so answer on the row that won.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Plain text of several lines: shown as text everywhere, so markup is harmless, but other control characters are refused.</summary>
    internal static string? ValidateComment(string? value, ValidationErrors errors)
    {
        var comment = value?.Trim();
        if (string.IsNullOrEmpty(comment))
        {
            return null;
        }
        if (comment.Length > SatisfactionRating.MaxCommentLength)
        {
            errors.Add("comment", $"must be at most {SatisfactionRating.MaxCommentLength} characters.");
        }
        else if (comment.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add("comment", "must not contain control characters.");
        }
        return comment.ReplaceLineEndings("\n");
    }
}
