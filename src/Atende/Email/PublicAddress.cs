using Microsoft.Extensions.Configuration;

namespace Atende.Email;

/// <summary>
/// Where people reach this Atende, for links in emails (which have no request to take it from): Atende:PublicUrl,
/// else the first address Kestrel was told to listen on, else the README's default. Never the Host header of
/// the request that caused the mail: anyone can forge it to send a victim a link to their own site.
/// </summary>
public static class PublicAddress
{
    public static string Of(IConfiguration configuration)
    {
        var configured = configuration["Atende:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"])?.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(u => u.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal))
                .FirstOrDefault();
        }
        return (string.IsNullOrWhiteSpace(configured) ? "http://localhost:5080" : configured).TrimEnd('/');
    }
}
