using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Bench.Generation;

/// <summary>
/// `generate`: creates the schema the way Atende does at start-up (migrations, default catalog, first admin), then
/// fills it with <see cref="DataSetGenerator"/>. Start Atende on the same database afterwards and run the bench.
/// </summary>
internal static class Generate
{
    public static async Task<int> ExecuteAsync(string[] args, TextWriter log)
    {
        GenerateOptions options;
        try
        {
            options = GenerateOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await log.WriteLineAsync("generate: " + e.Message);
            return 2;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = options.Provider == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Atende"] = options.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        // Identity's token providers need it to be resolvable; nothing is protected while generating.
        services.AddDataProtection();
        services.AddAtende(configuration, Directory.GetCurrentDirectory());
        await using (var provider = services.BuildServiceProvider())
        {
            await AtendeServices.PrepareDatabaseAsync(provider, options.AdminEmail, options.AdminPassword, CancellationToken.None);
        }

        if (options.Provider == "postgres")
        {
            await using var writer = new PostgresBulkWriter(options.ConnectionString);
            await writer.OpenAsync();
            return await new DataSetGenerator(options, writer, log).RunAsync();
        }
        else
        {
            await using var writer = new SqliteBulkWriter(options.ConnectionString);
            await writer.OpenAsync();
            return await new DataSetGenerator(options, writer, log).RunAsync();
        }
    }
}
