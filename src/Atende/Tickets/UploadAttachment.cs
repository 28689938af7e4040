using System.Security.Cryptography;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.Extensions.Options;

namespace Atende.Tickets;

/// <summary>Stores an upload (size and type checked, bytes de-duplicated by SHA-256) for a later message.</summary>
public sealed class UploadAttachment(AtendeDb db, IAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public async Task<AttachmentView> HandleAsync(string fileName, string? contentType, Stream content, Caller caller, CancellationToken ct)
    {
        var limits = options.Value;
        var errors = new ValidationErrors();
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (name.Length == 0 || name.Length > 255 || name.Any(char.IsControl))
        {
            errors.Add("file", "needs a file name of at most 255 characters.");
        }
        else if (limits.BlockedExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            errors.Add("file", $"files of type {Path.GetExtension(name)} are not accepted.");
        }
        errors.ThrowIfAny();

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
            {
                throw new PayloadTooLargeException(limits.MaxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await store.SaveAsync(sha, bytes, ct);

        var type = string.IsNullOrWhiteSpace(contentType) || contentType.Length > 127 ? "application/octet-stream" : contentType.Trim();
        var attachment = new Attachment(name, type, bytes.LongLength, sha, caller.AccountId, clock.GetUtcNow().UtcDateTime);
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return new AttachmentView(attachment.Id, attachment.FileName, attachment.Size, attachment.ContentType);
    }
}
