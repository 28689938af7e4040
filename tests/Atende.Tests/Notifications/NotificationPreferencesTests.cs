using System.Text.RegularExpressions;
using System.Xml.Linq;
using Atende.Notifications;

namespace Atende.Tests.Notifications;

public sealed partial class NotificationPreferencesTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    // São Paulo has been UTC-3 all year since 2019: 08:00 there is 11:00 UTC.
    [InlineData("America/Sao_Paulo", "2026-11-02T12:00:00Z", "2026-11-03T11:00:00Z")]
    [InlineData("America/Sao_Paulo", "2026-11-02T10:59:00Z", "2026-11-02T11:00:00Z")]
    [InlineData("America/Sao_Paulo", "2026-11-02T11:00:00Z", "2026-11-03T11:00:00Z")]
    // 02:30 UTC is 23:30 on the 1st in São Paulo: the next 08:00 there is the same UTC day.
    [InlineData("America/Sao_Paulo", "2026-11-02T02:30:00Z", "2026-11-02T11:00:00Z")]
    // Berlin: CET (UTC+1) in winter, CEST (UTC+2) in summer; clocks go back on 25 October 2026.
    [InlineData("Europe/Berlin", "2026-11-02T12:00:00Z", "2026-11-03T07:00:00Z")]
    [InlineData("Europe/Berlin", "2026-07-01T05:59:00Z", "2026-07-01T06:00:00Z")]
    [InlineData("Europe/Berlin", "2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-28T12:00:00Z", "2026-03-29T06:00:00Z")]
    public void The_next_digest_is_the_next_8_oclock_in_the_agents_zone(string zone, string now, string expected)
    {
        var at = DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            NotificationPreferences.NextDigestAfter(at, TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    [Fact]
    public void Turning_the_digest_on_sets_its_timer_and_off_clears_it()
    {
        var preferences = NotificationPreferences.Defaults(7);
        Assert.True(preferences.WantsInApp(AgentEvent.NewTicket));
        Assert.False(preferences.WantsEmail(AgentEvent.NewTicket));
        Assert.True(preferences.WantsEmail(AgentEvent.SlaBreached));
        Assert.False(preferences.WantsEmail(AgentEvent.SlaWarning));

        preferences.SetDigest(true, SaoPaulo, Utc(2026, 11, 2, 12));
        Assert.Equal(Utc(2026, 11, 3, 11), preferences.DigestDueAt);
        // Saying "on" again keeps the timer; a new zone moves it.
        preferences.SetDigest(true, SaoPaulo, Utc(2026, 11, 2, 13));
        Assert.Equal(Utc(2026, 11, 3, 11), preferences.DigestDueAt);
        preferences.SetDigest(true, Berlin, Utc(2026, 11, 2, 13));
        Assert.Equal(Utc(2026, 11, 3, 7), preferences.DigestDueAt);
        preferences.SetDigest(false, Berlin, Utc(2026, 11, 2, 13));
        Assert.Null(preferences.DigestDueAt);
        Assert.False(preferences.Digest);
    }

    [Fact]
    public void Choosing_keeps_only_known_events()
    {
        var preferences = NotificationPreferences.Defaults(7);
        preferences.Choose((AgentEvent)0x7FFF, AgentEvent.None);
        Assert.Equal(AgentEvents.DefaultInApp, preferences.InApp);
        Assert.Equal(AgentEvent.None, preferences.Email);
        Assert.Equal(["agent.new-ticket", "agent.assigned", "agent.customer-replied", "agent.mentioned", "agent.watched-updated", "agent.sla-warning", "agent.sla-breached"],
            AgentEvents.All.Select(a => AgentEvents.EmailKind(a.Event)));
    }

    [Fact]
    public void The_mail_phrases_exist_in_both_languages_with_the_same_placeholders()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Atende.slnx")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder!.FullName, "src", "Atende", "Notifications");
        var english = Read(Path.Combine(path, "AgentMailText.resx"));
        var portuguese = Read(Path.Combine(path, "AgentMailText.pt-BR.resx"));
        Assert.Equal(english.Keys.Order(), portuguese.Keys.Order());
        foreach (var (key, value) in english)
        {
            Assert.Equal(Placeholders(value), Placeholders(portuguese[key]));
        }
        foreach (var (_, key, _) in AgentEvents.All)
        {
            Assert.Contains("Event." + key, english.Keys);
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static List<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
