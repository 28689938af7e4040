namespace Atende.Tickets;

public sealed record AttachmentView(int Id, string FileName, long Size, string ContentType);
public sealed record AuthorView(string Type, int? Id, string Name);

public sealed record MessageView(
    int Id,
    Visibility Visibility,
    string Body,
    string BodyHtml,
    AuthorView Author,
    DateTime CreatedAt,
    IReadOnlyList<AttachmentView> Attachments);
