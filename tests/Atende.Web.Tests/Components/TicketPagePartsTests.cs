using Atende.Tickets;
using Atende.Web.Components;
using Atende.Web.Components.Agent.Tickets;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Atende.Web.Tests.Components;

public sealed class TicketPagePartsTests : BunitContext, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public TicketPagePartsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddScoped<Viewer>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Theory]
    [InlineData("Hi @an", "an")]
    [InlineData("@", "")]
    [InlineData("line one\n@ana.sou", "ana.sou")]
    [InlineData("mail ana@client", null)]
    [InlineData("@ana done", null)]
    public void The_mention_being_typed_is_the_last_word_after_an_at_sign(string text, string? prefix) =>
        Assert.Equal(prefix, MentionQuery.PrefixOf(text));

    [Fact]
    public void Completing_a_mention_replaces_only_the_prefix_being_typed() =>
        Assert.Equal("cc @ana @bruno.lima ", MentionQuery.Complete("cc @ana @bru", "bruno.lima"));

    [Fact]
    public void The_timeline_puts_a_message_before_the_changes_it_caused_and_leaves_out_the_time_log()
    {
        var at = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
        var agent = new AuthorView("agent", 1, "Sam");
        var reply = new MessageView(5, Visibility.Public, "Done", "<p>Done</p>", agent, at, []);
        var first = new MessageView(4, Visibility.Public, "Help", "<p>Help</p>", new AuthorView("customer", 2, "Ana"), at.AddHours(-1), []);
        var changes = new[]
        {
            new HistoryView(10, at, agent, null, "status", "new", "resolved"),
            new HistoryView(11, at, agent, null, "timeSpentMinutes", "0", "15"),
        };

        var timeline = TimelineEntry.Merge([reply, first], changes);

        Assert.Equal([4, 5, 0], timeline.Select(e => e.Message?.Id ?? 0));
        Assert.Equal("status", timeline[2].Change!.Field);
    }

    [Fact]
    public void An_sla_countdown_says_how_long_is_left_and_turns_to_overdue_when_the_time_passes()
    {
        var due = _clock.GetUtcNow().UtcDateTime.AddMinutes(90);
        var countdown = Render<SlaCountdown>(p => p.Add(c => c.Label, "Resolution").Add(c => c.DueAt, due));
        Assert.Contains("1h 30m left", countdown.Find("[data-testid=sla-countdown]").TextContent);

        _clock.Advance(TimeSpan.FromMinutes(100));
        countdown.WaitForAssertion(() => Assert.Contains("overdue by 10m 00s", countdown.Find("[data-testid=sla-countdown]").TextContent));
    }

    [Fact]
    public void A_met_target_stops_the_clock()
    {
        var due = _clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        var countdown = Render<SlaCountdown>(p => p.Add(c => c.Label, "First response").Add(c => c.DueAt, due).Add(c => c.DoneAt, due.AddMinutes(-5)));
        Assert.Contains("met", countdown.Find("[data-testid=sla-countdown]").TextContent);
    }
}
