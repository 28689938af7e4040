using Atende.Accounts;

namespace Atende.Web.Components;

/// <summary>
/// The signed-in person of this circuit, as far as showing things goes: name and time zone.
/// Loaded once by the layout; permissions are never decided from it (handlers load the Caller each time).
/// </summary>
public sealed class Viewer
{
    public int? AgentId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool IsAdmin { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool Loaded { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    public void Load(MyAccountView account)
    {
        AgentId = account.AgentId;
        Name = account.Name;
        Email = account.Email;
        IsAdmin = account.Role == "admin";
        TwoFactorEnabled = account.TwoFactorEnabled;
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(account.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        Loaded = true;
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Today in the viewer's zone, as a UTC interval: "due today" means the viewer's day.</summary>
    public (DateTime FromUtc, DateTime ToUtc) TodayUtc(DateTime nowUtc)
    {
        var localToday = ToLocal(nowUtc).Date;
        return (TimeZoneInfo.ConvertTimeToUtc(localToday, Zone), TimeZoneInfo.ConvertTimeToUtc(localToday.AddDays(1), Zone));
    }
}
