using Atende.Catalog;
using Atende.Tickets;
using Atende.Views;
using Atende.Web.Components.Agent.Queues;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Atende.Web.Tests.Components;

/// <summary>The filter builder: what the agent picks is exactly what ListTickets receives.</summary>
public sealed class QueueFilterTests : BunitContext, IAsyncLifetime
{
    private static readonly QueueChoices Choices = new(
        [
            new StatusView(1, "new", "New", StatusCategory.New, 10, "#1976d2"),
            new StatusView(2, "in_progress", "In progress", StatusCategory.Open, 20, "#f57c00"),
            new StatusView(3, "resolved", "Resolved", StatusCategory.Resolved, 40, "#388e3c"),
        ],
        [new("incident", "Incident"), new("access", "Access request")],
        [new("3", "Service Desk")],
        [new("7", "Pedro Santos")],
        [new("4", "Acme")]);

    public QueueFilterTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public async Task Choosing_values_builds_the_ticket_list_request()
    {
        var popovers = Render<MudPopoverProvider>();
        ViewFilter? produced = null;
        var cut = Render<QueueFilter>(p => p
            .Add(c => c.Value, new ViewFilter())
            .Add(c => c.Choices, Choices)
            .Add(c => c.ValueChanged, filter => produced = filter));

        // Chips: statuses in the admin's order, priorities most urgent first, whatever the click order.
        cut.Find("[data-testid=filter-status-resolved]").Click();
        cut.Find("[data-testid=filter-status-new]").Click();
        cut.Find("[data-testid=filter-priority-low]").Click();
        cut.Find("[data-testid=filter-priority-urgent]").Click();
        // A select, through its menu as the agent uses it.
        cut.Find("[data-testid=filter-type]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Access request", StringComparison.Ordinal)).Click();
        // The other selects: the value each item carries.
        await Pick(cut, "Team", "none");
        await Pick(cut, "Assignee", "me");
        await Pick(cut, "Organization", "4");
        cut.Find("input[data-testid=filter-tag]").Change("VPN, urgent-fix vpn");
        // MudBlazor applies a typed value asynchronously: the next change must start from the tags (seen failing
        // under heavy load when the text's change overtook the tags').
        cut.WaitForAssertion(() => Assert.Equal(["vpn", "urgent-fix"], produced!.Tag!));
        cut.Find("input[data-testid=filter-text]").Change("  printer jam ");
        cut.WaitForAssertion(() => Assert.Equal("printer jam", produced!.ToRequest(null).Q));

        var request = produced!.ToRequest("-priority");
        Assert.Equal(["new", "resolved"], request.Status!);
        Assert.Equal(["urgent", "low"], request.Priority!);
        Assert.Equal("access", request.Type);
        Assert.Equal("none", request.Team);
        Assert.Equal("me", request.Assignee);
        Assert.Equal(4, request.Organization);
        Assert.Equal(["vpn", "urgent-fix"], request.Tag!);
        Assert.Equal("printer jam", request.Q);
        Assert.Equal("-priority", request.Sort);
        Assert.Null(request.StatusCategory);

        // Unselecting a chip and clearing everything give the unfiltered list.
        cut.Find("[data-testid=filter-status-new]").Click();
        Assert.Equal(["resolved"], produced!.ToRequest(null).Status!);
        cut.Find("[data-testid=filter-clear]").Click();
        Assert.Equal(new ListTicketsRequest(), produced!.ToRequest(null));
    }

    private static Task Pick(IRenderedComponent<QueueFilter> cut, string label, string value)
    {
        var select = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label);
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
