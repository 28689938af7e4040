using Atende.Agents;
using Atende.Catalog;
using Atende.Replies;
using Atende.Tickets;
using Atende.Web.Components.Agent.Tickets;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Atende.Web.Tests.Components;

public sealed class ReplyBoxTests : BunitContext, IAsyncLifetime
{
    private bool _accept = true;

    private readonly List<ReplyDraft> _sent = [];
    private readonly List<string> _mentionQueries = [];

    public ReplyBoxTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLocalization();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously only; xUnit calls this before Dispose.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void Send_is_disabled_until_there_is_something_to_send()
    {
        var box = RenderBox();
        Assert.True(SendButton(box).HasAttribute("disabled"));

        box.Find("textarea").Input("   ");
        Assert.True(SendButton(box).HasAttribute("disabled"));

        box.Find("textarea").Input("Restart the router, please.");
        Assert.False(SendButton(box).HasAttribute("disabled"));
    }

    [Fact]
    public void The_toggle_switches_between_a_public_reply_and_an_internal_note_and_the_note_is_sent_as_internal()
    {
        var box = RenderBox();
        Assert.Equal("true", box.Find("[data-testid=reply-public]").GetAttribute("aria-checked"));
        Assert.DoesNotContain("reply-box--note", box.Find("[data-testid=reply-box]").ClassName);

        box.Find("[data-testid=reply-internal]").Click();
        Assert.Equal("true", box.Find("[data-testid=reply-internal]").GetAttribute("aria-checked"));
        Assert.Contains("reply-box--note", box.Find("[data-testid=reply-box]").ClassName);
        box.Find("textarea").Input("Vendor ticket 5531 opened.");
        SendButton(box).Click();
        Assert.Equal(Visibility.Internal, _sent.Single().Visibility);

        box.Find("[data-testid=reply-public]").Click();
        box.Find("textarea").Input("All fixed.");
        SendButton(box).Click();
        Assert.Equal(Visibility.Public, _sent[1].Visibility);
        Assert.Null(_sent[1].Status);
    }

    [Fact]
    public void Typing_an_at_sign_offers_colleagues_and_choosing_one_inserts_their_handle()
    {
        var box = RenderBox();

        box.Find("textarea").Input("Can you check this @ana");

        Assert.Equal("ana", _mentionQueries.Last());
        var options = box.FindAll("[data-testid=mention-option]");
        Assert.Equal(2, options.Count);
        Assert.Contains("@ana.souza", options[0].TextContent);
        options[0].Click();

        Assert.Empty(box.FindAll("[data-testid=mention-option]"));
        Assert.Equal("Can you check this @ana.souza ", box.Instance.Body);
        SendButton(box).Click();
        Assert.Equal("Can you check this @ana.souza", _sent.Single().Body);
    }

    [Fact]
    public void No_suggestions_are_offered_when_the_at_sign_is_part_of_an_email_address()
    {
        var box = RenderBox();
        box.Find("textarea").Input("Write to ana@client");
        Assert.Empty(box.FindAll("[data-testid=mention-option]"));
        Assert.Empty(_mentionQueries);
    }

    [Fact]
    public void A_canned_response_is_inserted_filled_in_for_the_ticket_after_what_was_already_written()
    {
        var renderedFor = new List<int>();
        var box = RenderBox(p => p
            .Add(b => b.CannedResponses, [
                new CannedResponseView(7, "Greeting", "Hi {{requester.name}}", Shared: true, CanEdit: false, DateTime.UtcNow, DateTime.UtcNow),
                new CannedResponseView(8, "Closing", "Bye", Shared: false, CanEdit: true, DateTime.UtcNow, DateTime.UtcNow)])
            .Add(b => b.RenderCanned, id =>
            {
                renderedFor.Add(id);
                return Task.FromResult<string?>("Hi Ana Souza");
            }));
        box.Find("textarea").Input("Hello!");

        box.Find("[data-testid=canned-toggle]").Click();
        box.Find("input[data-testid=canned-filter], [data-testid=canned-filter] input").Input("greet");
        var option = Assert.Single(box.FindAll("[data-testid=canned-option]"));
        option.Click();

        Assert.Equal([7], renderedFor);
        Assert.Equal("Hello!\n\nHi Ana Souza", box.Instance.Body);
        Assert.Empty(box.FindAll("[data-testid=canned-picker]"));
    }

    [Fact]
    public void The_preview_shows_the_markdown_rendered_without_raw_html()
    {
        var box = RenderBox();
        box.Find("textarea").Input("**Bold** <script>alert(1)</script>");
        box.Find("[data-testid=reply-preview-tab]").Click();
        var preview = box.Find("[data-testid=reply-preview]");
        Assert.Contains("<strong>Bold</strong>", preview.InnerHtml);
        Assert.Empty(preview.QuerySelectorAll("script"));
    }

    [Fact]
    public void A_refused_send_keeps_the_text_and_a_successful_one_clears_it()
    {
        _accept = false;
        var box = RenderBox();
        box.Find("textarea").Input("Please confirm.");
        SendButton(box).Click();
        Assert.Equal("Please confirm.", box.Instance.Body);

        _accept = true;
        SendButton(box).Click();
        Assert.Equal("", box.Instance.Body);
        Assert.Equal(2, _sent.Count);
    }

    private IRenderedComponent<ReplyBox> RenderBox(Action<ComponentParameterCollectionBuilder<ReplyBox>>? extra = null) =>
        Render<ReplyBox>(p =>
        {
            p.Add(b => b.Statuses, [new StatusView(1, "resolved", "Resolved", StatusCategory.Resolved, 40, "#388e3c")]);
            p.Add(b => b.Send, draft =>
            {
                _sent.Add(draft);
                return Task.FromResult(_accept);
            });
            p.Add(b => b.SuggestMentions, prefix =>
            {
                _mentionQueries.Add(prefix);
                IReadOnlyList<MentionSuggestion> people = [new(3, "Ana Souza", "ana.souza"), new(4, "Ana Lima", "ana.lima")];
                return Task.FromResult<IReadOnlyList<MentionSuggestion>>(people.Where(a => a.Handle.StartsWith(prefix, StringComparison.Ordinal)).ToList());
            });
            extra?.Invoke(p);
        });

    private static AngleSharp.Dom.IElement SendButton(IRenderedComponent<ReplyBox> box) => box.Find("button[data-testid=reply-send]");
}
