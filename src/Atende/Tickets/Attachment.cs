namespace Atende.Tickets;

/// <summary>
/// An uploaded file. Its bytes live in the attachment store under their SHA-256, so the same file sent
/// twice is stored once. Until it is attached to a message only its uploader can read it.
/// </summary>
public sealed class Attachment
{
    private Attachment() { }

    public Attachment(string fileName, string contentType, long size, string sha256, int? uploadedByAccountId, DateTime now)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedByAccountId = uploadedByAccountId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public int? UploadedByAccountId { get; private set; }
    public int? MessageId { get; private set; }
    /// <summary>Copied from the message: an attachment of an internal note is internal too.</summary>
    public Visibility? Visibility { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void AttachTo(Message message)
    {
        if (MessageId is not null || Visibility is not null)
        {
            throw new BusinessRuleException($"Attachment {Id} already belongs to a message.");
        }
        Visibility = message.Visibility;
        message.Attachments.Add(this);
    }
}
