namespace Atende.Tickets;

/// <summary>Where attachment bytes live, by SHA-256. A real seam: the database (default) or a shared folder.</summary>
public interface IAttachmentStore
{
    Task SaveAsync(string sha256, byte[] bytes, CancellationToken ct);
    Task<byte[]?> ReadAsync(string sha256, CancellationToken ct);
}
