namespace Atende.Email;

/// <summary>Placeholder until branch wt-import's ImportMail is merged (same signature); it imports nothing.</summary>
public sealed class ImportMail
{
    public Task HandleAsync(int mailboxId, byte[] raw, CancellationToken ct) => Task.CompletedTask;
}
