namespace Atende.Notifications;

/// <summary>
/// An agent's choices: which events reach the bell, which reach their inbox, and whether those mails are gathered
/// into one daily digest at <see cref="DigestHour"/>:00 in the agent's time zone. An agent without a row has the
/// defaults. The row is also the digest's durable timer: <see cref="DigestDueAt"/> is claimed with a lease by the
/// scheduler (<c>FireScheduledEvents</c>), which moves it to the next day in the same transaction as it writes the
/// digest event, so a digest goes out once however many nodes run.
/// </summary>
public sealed class NotificationPreferences
{
    public const int DigestHour = 8;

    private NotificationPreferences() { }

    public NotificationPreferences(int agentId)
    {
        AgentId = agentId;
        InApp = AgentEvents.DefaultInApp;
        Email = AgentEvents.DefaultEmail;
    }

    public int AgentId { get; private set; }
    public AgentEvent InApp { get; private set; }
    public AgentEvent Email { get; private set; }
    public bool Digest { get; private set; }
    /// <summary>The zone <see cref="DigestDueAt"/> was computed in: when the agent moves, the timer follows.</summary>
    public string? DigestTimeZone { get; private set; }
    /// <summary>UTC; null when the agent is not in digest mode.</summary>
    public DateTime? DigestDueAt { get; private set; }
    public DateTime? LastDigestAt { get; private set; }
    public string? DigestLockedBy { get; private set; }
    public DateTime? DigestLockedUntil { get; private set; }

    public static NotificationPreferences Defaults(int agentId) => new(agentId);

    public bool WantsInApp(AgentEvent e) => (InApp & e) != 0;

    public bool WantsEmail(AgentEvent e) => (Email & e) != 0;

    public void Choose(AgentEvent inApp, AgentEvent email)
    {
        InApp = inApp & AgentEvents.DefaultInApp;
        Email = email & AgentEvents.DefaultInApp;
    }

    /// <summary>Turning the digest on sets its timer to the next 08:00 where the agent is; turning it off stops it.</summary>
    public void SetDigest(bool on, TimeZoneInfo zone, DateTime now)
    {
        if (on && (!Digest || DigestTimeZone != zone.Id || DigestDueAt is null))
        {
            DigestTimeZone = zone.Id;
            DigestDueAt = NextDigestAfter(now, zone);
        }
        else if (!on)
        {
            DigestTimeZone = null;
            DigestDueAt = null;
        }
        Digest = on;
        DigestLockedBy = null;
        DigestLockedUntil = null;
    }

    /// <summary>
    /// The first <see cref="DigestHour"/>:00 local strictly after <paramref name="utc"/>. 08:00 exists on every day in
    /// every zone we know (clocks change at night), but a zone that skipped it would get the first valid minute after.
    /// </summary>
    public static DateTime NextDigestAfter(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var day = local.Date;
        for (var i = 0; i < 3; i++, day = day.AddDays(1))
        {
            var at = DateTime.SpecifyKind(day.AddHours(DigestHour), DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(at))
            {
                at = at.AddMinutes(30);
            }
            var due = TimeZoneInfo.ConvertTimeToUtc(at, zone);
            if (due > utc)
            {
                return due;
            }
        }
        throw new InvalidOperationException("No 08:00 in three days.");
    }

    /// <summary>The zone by IANA id; an unknown id (a system without tzdata) counts as UTC rather than stopping digests.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
