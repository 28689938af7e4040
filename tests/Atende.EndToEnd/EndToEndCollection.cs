namespace Atende.EndToEnd;

/// <summary>One server and one browser for every journey: starting them is most of the run's time.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<AtendeServer>, ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "End to end";
}
