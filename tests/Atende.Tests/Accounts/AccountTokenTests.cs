using Atende.Accounts;

namespace Atende.Tests.Accounts;

public sealed class AccountTokenTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Only_the_hash_of_the_secret_is_kept()
    {
        var (token, secret) = AccountToken.Issue(AccountTokenPurpose.ResetPassword, "ana@client.example", "pt-BR", Now, accountId: 7);

        Assert.NotEqual(secret, token.Hash);
        Assert.Equal(AccountToken.HashOf(secret), token.Hash);
        Assert.Equal(64, token.Hash.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
    }

    [Fact]
    public void Every_link_gets_its_own_secret()
    {
        var first = AccountToken.Issue(AccountTokenPurpose.ConfirmEmail, "ana@client.example", "en", Now).Secret;
        var second = AccountToken.Issue(AccountTokenPurpose.ConfirmEmail, "ana@client.example", "en", Now).Secret;

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(AccountTokenPurpose.ConfirmEmail, 24 * 60)]
    [InlineData(AccountTokenPurpose.Invitation, 7 * 24 * 60)]
    [InlineData(AccountTokenPurpose.ResetPassword, 60)]
    public void A_link_works_until_its_lifetime_ends(AccountTokenPurpose purpose, int minutes)
    {
        var (token, _) = AccountToken.Issue(purpose, "ana@client.example", "en", Now);

        Assert.True(token.IsUsable(Now.AddMinutes(minutes).AddSeconds(-1)));
        Assert.False(token.IsUsable(Now.AddMinutes(minutes)));
    }
}
