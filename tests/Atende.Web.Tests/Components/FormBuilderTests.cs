using AngleSharp.Dom;
using Atende.Catalog;
using Atende.Web.Components.Admin.RequestTypes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Atende.Web.Tests.Components;

/// <summary>The form builder turns an admin's clicks into the whole new form, in the order shown, as the API takes it.</summary>
public sealed class FormBuilderTests : IAsyncLifetime
{
    // MudBlazor's services only dispose asynchronously, so the context is disposed through IAsyncLifetime.
    private readonly BunitContext _context = new();

    private static readonly IReadOnlyList<FormFieldView> Existing =
    [
        new("computerNumber", "Computer number", FormFieldType.Text, true, [], 10, null),
        new("floor", "Floor", FormFieldType.Number, false, [], 20, "Where you sit"),
    ];

    private IReadOnlyList<FormFieldInput>? _saved;

    public FormBuilderTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<FormBuilder> RenderBuilder() => _context.Render<FormBuilder>(p => p
        .Add(b => b.Fields, Existing)
        .Add(b => b.OnSave, (IReadOnlyList<FormFieldInput> fields) => _saved = fields));

    private static IReadOnlyList<IElement> Fields(IRenderedComponent<FormBuilder> cut) => cut.FindAll(".fb-field");

    [Fact]
    public void Saving_without_changes_sends_the_form_as_it_was()
    {
        var cut = RenderBuilder();
        cut.Find(".fb-save").Click();

        Assert.NotNull(_saved);
        Assert.Equal(["computerNumber", "floor"], _saved.Select(f => f.Key));
        Assert.Equal([10, 20], _saved.Select(f => f.Position));
        Assert.True(_saved[0].Required);
        Assert.Equal("Where you sit", _saved[1].Help);
        Assert.Null(_saved[0].Options);
    }

    [Fact]
    public void Adding_a_dropdown_with_options_moving_it_first_and_making_it_required_produces_that_form()
    {
        var cut = RenderBuilder();

        cut.Find(".fb-add-Dropdown").Click();
        Assert.Equal(3, Fields(cut).Count);
        var added = Fields(cut)[2];
        added.QuerySelector(".fb-label input")!.Change("Operating system");
        cut.FindAll(".fb-field")[2].QuerySelector(".fb-options textarea")!.Change("Windows\nLinux\n\n macOS ");
        cut.FindAll(".fb-field")[2].QuerySelector(".fb-required input")!.Change(true);
        cut.FindAll(".fb-field")[2].QuerySelector(".fb-up")!.Click();
        cut.FindAll(".fb-field")[1].QuerySelector(".fb-up")!.Click();
        // The number field is no longer needed.
        cut.FindAll(".fb-field")[2].QuerySelector(".fb-remove")!.Click();
        cut.Find(".fb-save").Click();

        Assert.NotNull(_saved);
        Assert.Equal(["operatingSystem", "computerNumber"], _saved.Select(f => f.Key));
        var dropdown = _saved[0];
        Assert.Equal("Operating system", dropdown.Label);
        Assert.Equal(FormFieldType.Dropdown, dropdown.Type);
        Assert.True(dropdown.Required);
        Assert.Equal(["Windows", "Linux", "macOS"], dropdown.Options!);
        Assert.Equal([10, 20], _saved.Select(f => f.Position));
        Assert.Equal("Computer number", _saved[1].Label);
    }

    [Fact]
    public void The_key_of_a_saved_field_cannot_change_and_a_new_one_follows_its_label_until_typed()
    {
        var cut = RenderBuilder();
        Assert.True(cut.FindAll(".fb-field")[0].QuerySelector(".fb-key input")!.HasAttribute("disabled"));

        cut.Find(".fb-add-Text").Click();
        cut.FindAll(".fb-field")[2].QuerySelector(".fb-label input")!.Change("Asset tag ção");
        Assert.Equal("assetTagCao", cut.FindAll(".fb-field")[2].QuerySelector(".fb-key input")!.GetAttribute("value"));
        cut.FindAll(".fb-field")[2].QuerySelector(".fb-key input")!.Change("asset");
        cut.FindAll(".fb-field")[2].QuerySelector(".fb-label input")!.Change("Asset number");
        cut.Find(".fb-save").Click();

        Assert.Equal(["computerNumber", "floor", "asset"], _saved!.Select(f => f.Key));
        Assert.Equal("Asset number", _saved![2].Label);
        Assert.False(_saved![2].Required);
    }

    [Fact]
    public void Undo_returns_to_the_saved_form()
    {
        var cut = RenderBuilder();
        cut.Find(".fb-add-Checkbox").Click();
        cut.FindAll(".fb-field")[0].QuerySelector(".fb-remove")!.Click();
        cut.Find(".fb-reset").Click();
        cut.Find(".fb-save").Click();
        Assert.Equal(["computerNumber", "floor"], _saved!.Select(f => f.Key));
    }
}
