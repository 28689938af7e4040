using System.Security.Cryptography;
using Atende.Agents;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Atende.Accounts;

/// <summary>
/// On first start there is nobody to sign in as: create an admin from configuration, or with a generated
/// password that is printed once. Does nothing once any admin exists.
/// </summary>
public sealed partial class EnsureFirstAdmin(AtendeDb db, CreateAgent createAgent, ILogger<EnsureFirstAdmin> logger)
{
    public async Task HandleAsync(string? email, string? password, CancellationToken ct)
    {
        if (await db.Agents.AnyAsync(a => a.Role == AgentRole.Admin && a.Active, ct))
        {
            return;
        }
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "!7a";
        }
        email = string.IsNullOrWhiteSpace(email) ? "admin@atende.local" : email.Trim();
        await createAgent.HandleAsync(new CreateAgentRequest(email, "Administrator", AgentRole.Admin, Password: password), Caller.System, ct);
        if (generated)
        {
            LogGenerated(logger, email, password!);
        }
        else
        {
            LogCreated(logger, email);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First admin created: {Email} with the generated password {Password} — sign in and change it; it is not shown again.")]
    private static partial void LogGenerated(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "First admin created: {Email} (password from configuration).")]
    private static partial void LogCreated(ILogger logger, string email);
}
