using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/attachments — upload first, then reference the id in a message.</summary>
public static class AttachmentsApi
{
    /// <summary>Types a browser may show inline without running anything; everything else downloads as bytes.</summary>
    private static readonly string[] SafeInlineTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"];

    public static void MapAttachmentsApi(this RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/attachments").WithTags("Attachments");
        attachments.MapPost("/", Upload).DisableAntiforgery().WithSummary("Upload a file (multipart/form-data, field 'file')");
        attachments.MapGet("/{id:int}", Download).WithSummary("Download a file (same visibility as its message)");
    }

    private static async Task<Created<AttachmentView>> Upload(IFormFile? file, UploadAttachment upload, CurrentCaller caller, CancellationToken ct)
    {
        if (file is null)
        {
            throw Atende.InvalidRequestException.For("file", "is required (multipart/form-data field 'file').");
        }
        await using var stream = file.OpenReadStream();
        var view = await upload.HandleAsync(file.FileName, file.ContentType, stream, caller.Value, ct);
        return TypedResults.Created($"/api/v1/attachments/{view.Id}", view);
    }

    private static async Task<IResult> Download(int id, DownloadAttachment download, CurrentCaller caller, HttpContext http, CancellationToken ct)
    {
        var file = await download.HandleAsync(id, caller.Value, ct);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var type = SafeInlineTypes.Contains(file.ContentType) ? file.ContentType : "application/octet-stream";
        return TypedResults.File(file.Bytes, type, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}
