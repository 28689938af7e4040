using Atende.Portal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Atende.Web.Api;

/// <summary>/api/v1/portal/settings — sign-up mode, branding and reopen period of the customer portal; and /portal/logo.</summary>
public static class PortalSettingsApi
{
    public static void MapPortalSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/portal/settings").WithTags("Portal settings");
        settings.MapGet("/", Get).WithSummary("The portal's settings (anyone signed in: the portal shows them to every visitor)");
        settings.MapPatch("/", Update).WithSummary("Change sign-up mode (open, invitationOnly), brand name and colour, reopen days (admins)");
        settings.MapPut("/logo", UploadLogo).WithSummary("Upload the logo: the image as the body, Content-Type image/png, image/jpeg, image/webp or image/svg+xml (admins)");
        settings.MapDelete("/logo", RemoveLogo).WithSummary("Remove the logo (admins)");
    }

    /// <summary>GET /portal/logo: public, cached for long (the URL carries the logo's version).</summary>
    public static void MapPortalLogo(this IEndpointRouteBuilder app) =>
        app.MapGet("/portal/logo", Logo).AllowAnonymous().ExcludeFromDescription();

    private static async Task<Ok<PortalSettingsView>> Get(GetPortalSettings get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(ct));

    private static async Task<Ok<PortalSettingsView>> Update(UpdatePortalSettingsRequest request, UpdatePortalSettings update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<PortalSettingsView>> UploadLogo(HttpRequest request, SetPortalLogo set, CurrentCaller caller, CancellationToken ct)
    {
        caller.Value.RequireAdmin();
        if (request.ContentLength > PortalSettings.MaxLogoBytes)
        {
            throw InvalidRequestException.For("logo", $"must be between 1 byte and {PortalSettings.MaxLogoBytes / 1024} KB.");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        return TypedResults.Ok(await set.HandleAsync(buffer.ToArray(), contentType, caller.Value, ct));
    }

    private static async Task<Ok<PortalSettingsView>> RemoveLogo(SetPortalLogo set, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await set.HandleAsync(null, null, caller.Value, ct));

    private static async Task<IResult> Logo(HttpContext context, GetPortalLogo get, CancellationToken ct)
    {
        var logo = await get.HandleAsync(ct);
        if (logo is null)
        {
            return Results.NotFound();
        }
        // An SVG is a document that can run script when opened on its own: never as this site.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=300";
        return Results.Bytes(logo.Content, logo.ContentType, entityTag: new EntityTagHeaderValue($"\"logo-{logo.Version}\""));
    }
}
