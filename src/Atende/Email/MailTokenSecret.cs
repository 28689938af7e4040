using System.Security.Cryptography;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Atende.Email;

/// <summary>
/// The key of the tags in reply addresses (<see cref="ReplyAddress"/>) and in our Message-IDs (<see cref="OwnMessageId"/>).
/// It must be the same on every node and survive restarts, or replies to older mail would no longer thread: it is
/// <c>Atende:Email:TokenSecret</c> (base64, at least 16 bytes) when set, otherwise 32 random bytes made on first use and
/// kept, protected with Data Protection, in the <see cref="DeskSecret"/> row "email.token".
/// </summary>
public sealed class MailTokenSecret(IConfiguration configuration, IDataProtectionProvider protection)
{
    private const string Name = "email.token";
    private const string Purpose = "Atende.Email.TokenSecret";
    private byte[]? cached;

    public async Task<byte[]> GetAsync(AtendeDb db, CancellationToken ct)
    {
        if (cached is { } known)
        {
            return known;
        }
        var configured = configuration["Atende:Email:TokenSecret"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured);
            if (bytes.Length < 16)
            {
                throw new InvalidOperationException("Atende:Email:TokenSecret must be at least 16 bytes (base64).");
            }
            return cached = bytes;
        }
        var protector = protection.CreateProtector(Purpose);
        var row = await db.DeskSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == Name, ct);
        if (row is null)
        {
            db.DeskSecrets.Add(new DeskSecret(Name, protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node made it first: use theirs.
                db.ChangeTracker.Clear();
            }
            row = await db.DeskSecrets.AsNoTracking().FirstAsync(s => s.Name == Name, ct);
        }
        return cached = Convert.FromBase64String(protector.Unprotect(row.ProtectedValue));
    }
}

/// <summary>A secret the desk made for itself (kept protected with Data Protection), by name.</summary>
public sealed class DeskSecret
{
    private DeskSecret() { }

    public DeskSecret(string name, string protectedValue)
    {
        Name = name;
        ProtectedValue = protectedValue;
    }

    public string Name { get; private set; } = "";
    public string ProtectedValue { get; private set; } = "";
}
