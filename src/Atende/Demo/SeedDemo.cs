namespace Atende.Demo;

/// <summary>Fills a realistic demo desk (placeholder until the demo data lands).</summary>
public sealed class SeedDemo
{
    public Task HandleAsync(CancellationToken ct) => Task.CompletedTask;
}
