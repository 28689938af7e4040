using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

/// <summary>One event's channels to change; a channel left out keeps its value.</summary>
public sealed record ChannelChange(bool? InApp = null, bool? Email = null);

/// <summary>The events to change; an event left out keeps its choices.</summary>
public sealed record EventChanges(
    ChannelChange? NewTicket = null,
    ChannelChange? Assigned = null,
    ChannelChange? CustomerReplied = null,
    ChannelChange? Mentioned = null,
    ChannelChange? WatchedUpdated = null,
    ChannelChange? SlaWarning = null,
    ChannelChange? SlaBreached = null);

public sealed record UpdateNotificationPreferencesRequest(EventChanges? Events = null, bool? Digest = null);

/// <summary>
/// Changes the signed-in agent's choices (PUT /api/v1/me/notification-preferences). Turning the digest on sets its
/// timer to the next 08:00 in the account's time zone; turning it off stops it and drops what it had gathered, since
/// from then on each event mails at once.
/// </summary>
public sealed class UpdateNotificationPreferences(AtendeDb db, TimeProvider clock)
{
    public async Task<NotificationPreferencesView> HandleAsync(UpdateNotificationPreferencesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var agentId = caller.AgentId ?? throw new ForbiddenException("Only an agent has notification preferences.");
        var preferences = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.AgentId == agentId, ct);
        if (preferences is null)
        {
            preferences = new NotificationPreferences(agentId);
            db.NotificationPreferences.Add(preferences);
        }
        var inApp = preferences.InApp;
        var email = preferences.Email;
        if (request.Events is { } events)
        {
            ChannelChange?[] changes = [events.NewTicket, events.Assigned, events.CustomerReplied, events.Mentioned, events.WatchedUpdated,
                events.SlaWarning, events.SlaBreached];
            for (var i = 0; i < changes.Length; i++)
            {
                var e = AgentEvents.All[i].Event;
                if (changes[i] is not { } change)
                {
                    continue;
                }
                inApp = change.InApp is { } a ? (a ? inApp | e : inApp & ~e) : inApp;
                email = change.Email is { } m ? (m ? email | e : email & ~e) : email;
            }
        }
        preferences.Choose(inApp, email);

        var timeZone = await db.Users.Where(u => u.Id == caller.AccountId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct) ?? "UTC";
        var now = clock.GetUtcNow().UtcDateTime;
        var wasDigest = preferences.Digest;
        preferences.SetDigest(request.Digest ?? preferences.Digest, NotificationPreferences.Zone(timeZone), now);
        if (wasDigest && !preferences.Digest)
        {
            await db.DigestItems.Where(i => i.AgentId == agentId).ExecuteDeleteAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        return GetNotificationPreferences.View(preferences, timeZone);
    }
}
