using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.KnowledgeBase;

/// <summary>The start of an article written from a solved ticket: its question and the answer that solved it.</summary>
/// <summary><c>Language</c> is the requester's: the question and answer are written in it.</summary>
public sealed record ArticleDraft(string Title, string Body, int SourceTicket, string Language);

/// <summary>
/// "New article from this ticket": from a resolved (or closed) ticket the agent may see, the subject becomes the
/// title, the customer's first message the question and the last public reply from an agent the answer. Internal
/// notes never go into an article. Nothing is saved: the agent edits the draft and saves it (CreateArticle).
/// </summary>
public sealed class DraftArticleFromTicket(AtendeDb db)
{
    public async Task<ArticleDraft> HandleAsync(int number, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(caller)
            .Where(t => t.Id == number)
            .Select(t => new { t.Id, t.Subject, t.StatusCategory, RequesterLanguage = t.Requester.Language })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Ticket #{number}");
        if (ticket.StatusCategory is not (StatusCategory.Resolved or StatusCategory.Closed))
        {
            throw new BusinessRuleException("Only a resolved or closed ticket has an answer to turn into an article.");
        }
        var messages = await db.Messages.AsNoTracking().VisibleTo(caller)
            .Where(m => m.TicketId == number && m.Visibility == Visibility.Public)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Body, m.AuthorAgentId })
            .ToListAsync(ct);
        var question = messages.FirstOrDefault(m => m.AuthorAgentId is null)?.Body ?? messages.FirstOrDefault()?.Body ?? "";
        var answer = messages.LastOrDefault(m => m.AuthorAgentId is not null)?.Body ?? "";
        var body = $"{question.Trim()}\n\n---\n\n{answer.Trim()}".Trim();
        var title = ticket.Subject.Length > KnowledgeArticle.TitleMaxLength ? ticket.Subject[..KnowledgeArticle.TitleMaxLength] : ticket.Subject;
        return new ArticleDraft(title, body, ticket.Id, KnowledgeLanguage.Preferred(ticket.RequesterLanguage));
    }
}
