namespace Atende.Tickets;

/// <summary>Configuration section "Atende:Attachments".</summary>
public sealed class AttachmentOptions
{
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Executable and script types are refused: a help desk is a classic way to deliver malware.</summary>
    public string[] BlockedExtensions { get; set; } =
        [".exe", ".bat", ".cmd", ".com", ".scr", ".msi", ".ps1", ".vbs", ".js", ".jar", ".dll", ".sh", ".hta", ".cpl", ".msc", ".pif", ".reg"];

    /// <summary>When set, bytes go to this folder (shared by all nodes) instead of the database.</summary>
    public string? Folder { get; set; }
}
