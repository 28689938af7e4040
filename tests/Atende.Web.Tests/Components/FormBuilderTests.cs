using AngleSharp.Dom;
using Atende.Catalog;
using Atende.Web.Components.Admin.RequestTypes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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
    public async Task Saving_without_changes_sends_the_form_as_it_was()
    {
        var cut = RenderBuilder();
        await cut.Find(".fb-save").ClickAsync(new MouseEventArgs());

        Assert.NotNull(_saved);
        Assert.Equal(["computerNumber", "floor"], _saved.Select(f => f.Key));
        Assert.Equal([10, 20], _saved.Select(f => f.Position));
        Assert.True(_saved[0].Required);
        Assert.Equal("Where you sit", _saved[1].Help);
        Assert.Null(_saved[0].Options);
    }

    [Fact]
    public async Task Adding_a_dropdown_with_options_moving_it_first_and_making_it_required_produces_that_form()
    {
        var cut = RenderBuilder();

        await cut.Find(".fb-add-Dropdown").ClickAsync(new MouseEventArgs());
        Assert.Equal(3, Fields(cut).Count);
        var added = Fields(cut)[2];
        await added.QuerySelector(".fb-label input")!.ChangeAsync(new ChangeEventArgs { Value = "Operating system" });
        await cut.FindAll(".fb-field")[2].QuerySelector(".fb-options textarea")!.ChangeAsync(new ChangeEventArgs { Value = "Windows\nLinux\n\n macOS " });
        await cut.FindAll(".fb-field")[2].QuerySelector(".fb-required input")!.ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.FindAll(".fb-field")[2].QuerySelector(".fb-up")!.ClickAsync(new MouseEventArgs());
        await cut.FindAll(".fb-field")[1].QuerySelector(".fb-up")!.ClickAsync(new MouseEventArgs());
        // The number field is no longer needed.
        await cut.FindAll(".fb-field")[2].QuerySelector(".fb-remove")!.ClickAsync(new MouseEventArgs());
        await cut.Find(".fb-save").ClickAsync(new MouseEventArgs());

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
    public async Task The_key_of_a_saved_field_cannot_change_and_a_new_one_follows_its_label_until_typed()
    {
        var cut = RenderBuilder();
        Assert.True(cut.FindAll(".fb-field")[0].QuerySelector(".fb-key input")!.HasAttribute("disabled"));

        await cut.Find(".fb-add-Text").ClickAsync(new MouseEventArgs());
        await cut.FindAll(".fb-field")[2].QuerySelector(".fb-label input")!.ChangeAsync(new ChangeEventArgs { Value = "Asset tag ção" });
        Assert.Equal("assetTagCao", cut.FindAll(".fb-field")[2].QuerySelector(".fb-key input")!.GetAttribute("value"));
        await cut.FindAll(".fb-field")[2].QuerySelector(".fb-key input")!.ChangeAsync(new ChangeEventArgs { Value = "asset" });
        await cut.FindAll(".fb-field")[2].QuerySelector(".fb-label input")!.ChangeAsync(new ChangeEventArgs { Value = "Asset number" });
        await cut.Find(".fb-save").ClickAsync(new MouseEventArgs());

        Assert.Equal(["computerNumber", "floor", "asset"], _saved!.Select(f => f.Key));
        Assert.Equal("Asset number", _saved![2].Label);
        Assert.False(_saved![2].Required);
    }

    [Fact]
    public async Task Undo_returns_to_the_saved_form()
    {
        var cut = RenderBuilder();
        await cut.Find(".fb-add-Checkbox").ClickAsync(new MouseEventArgs());
        await cut.FindAll(".fb-field")[0].QuerySelector(".fb-remove")!.ClickAsync(new MouseEventArgs());
        await cut.Find(".fb-reset").ClickAsync(new MouseEventArgs());
        await cut.Find(".fb-save").ClickAsync(new MouseEventArgs());
        Assert.Equal(["computerNumber", "floor"], _saved!.Select(f => f.Key));
    }
}
