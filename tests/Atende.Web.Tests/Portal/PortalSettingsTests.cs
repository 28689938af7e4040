using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Atende.Web.Tests.Portal;

/// <summary>GET|PATCH /api/v1/portal/settings, the logo upload and /portal/logo.</summary>
public sealed class PortalSettingsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Only_administrators_change_the_portal_settings()
    {
        var desk = await Desk.BuildAsync(factory);
        var change = new { signUpMode = "open", brandName = "Acme Help", brandColor = "#1565C0", reopenDays = 30 };

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync("/api/v1/portal/settings", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Carla.PatchAsJsonAsync("/api/v1/portal/settings", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PatchAsJsonAsync("/api/v1/portal/settings", change)).StatusCode);
        var response = await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", change);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = await desk.Carla.GetJsonAsync("/api/v1/portal/settings");
        Assert.Equal("open", settings["signUpMode"]!.GetValue<string>());
        Assert.Equal("Acme Help", settings["brandName"]!.GetValue<string>());
        Assert.Equal("#1565c0", settings["brandColor"]!.GetValue<string>());
        Assert.Equal(30, settings["reopenDays"]!.GetValue<int>());
        Assert.Contains("Acme Help", await desk.Anonymous.GetStringAsync("/portal/sign-in"));
    }

    [Fact]
    public async Task Wrong_settings_are_refused_field_by_field()
    {
        var desk = await Desk.BuildAsync(factory);

        Assert.Equal(["brandColor"], await (await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { brandColor = "red;background:url(x)" })).ErrorFieldsAsync());
        Assert.Equal(["reopenDays"], await (await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { reopenDays = 1000 })).ErrorFieldsAsync());
        Assert.Equal(["brandName"], await (await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { brandName = "<b>x</b>" })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Admin.PatchAsJsonAsync("/api/v1/portal/settings", new { signUpMode = "everyone" })).StatusCode);
    }

    [Fact]
    public async Task The_logo_an_administrator_uploads_is_served_to_anyone_without_running_as_the_site()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PutAsync("/api/v1/portal/settings/logo", Image(Png, "image/png"))).StatusCode);
        Assert.Equal(["logo"], await (await desk.Admin.PutAsync("/api/v1/portal/settings/logo", Image(Png, "text/html"))).ErrorFieldsAsync());

        var uploaded = await desk.Admin.PutAsync("/api/v1/portal/settings/logo", Image(Png, "image/png"));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var version = (await uploaded.JsonAsync())["logoVersion"]!.GetValue<int>();
        var logo = await desk.Anonymous.GetAsync($"/portal/logo?v={version}");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        Assert.Contains("sandbox", logo.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("immutable", logo.Headers.CacheControl!.ToString());

        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.DeleteAsync("/api/v1/portal/settings/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Anonymous.GetAsync("/portal/logo")).StatusCode);
    }

    private static ByteArrayContent Image(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
