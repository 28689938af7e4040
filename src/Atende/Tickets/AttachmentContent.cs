namespace Atende.Tickets;

/// <summary>The bytes of an attachment, once per distinct SHA-256 (database attachment store).</summary>
public sealed class AttachmentContent
{
    public string Sha256 { get; set; } = "";
    public byte[] Bytes { get; set; } = [];
}
