namespace Atende.Tickets;

/// <summary>Bytes in a folder that every node mounts (NFS, SMB...), two levels of fan-out by hash.</summary>
public sealed class FolderAttachmentStore(string folder) : IAttachmentStore
{
    public async Task SaveAsync(string sha256, byte[] bytes, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write aside, then move: a reader never sees half a file, and a concurrent writer of the same hash is harmless.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    private string PathOf(string sha256) => Path.Combine(folder, sha256[..2], sha256[2..4], sha256);
}
