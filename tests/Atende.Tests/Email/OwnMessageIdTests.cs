using System.Text;
using Atende.Email;

namespace Atende.Tests.Email;

public sealed class OwnMessageIdTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a-test-secret-of-32-bytes-length");
    private static readonly byte[] OtherSecret = Encoding.ASCII.GetBytes("another-secret-of-32-bytes-lengt");

    [Fact]
    public void An_id_made_for_a_ticket_reads_back_with_or_without_brackets()
    {
        var id = OwnMessageId.For(1042, 77, "help.example.com", Secret);
        Assert.Matches(@"^atende\.t1042\.e77\.[a-z2-7]{16}@help\.example\.com$", id);
        Assert.Equal(1042, OwnMessageId.TicketOf(id, Secret));
        Assert.Equal(1042, OwnMessageId.TicketOf($" <{id}> ", Secret));
    }

    [Fact]
    public void An_invented_or_altered_id_is_not_ours()
    {
        var id = OwnMessageId.For(1042, 77, "help.example.com", Secret);
        Assert.Null(OwnMessageId.TicketOf(id.Replace(".t1042.", ".t1043.", StringComparison.Ordinal), Secret));
        Assert.Null(OwnMessageId.TicketOf(id.Replace(".e77.", ".e78.", StringComparison.Ordinal), Secret));
        Assert.Null(OwnMessageId.TicketOf(id, OtherSecret));
        Assert.Null(OwnMessageId.TicketOf("CAF=abc123@mail.gmail.com", Secret));
        Assert.Null(OwnMessageId.TicketOf(null, Secret));
        // The reply address tag of the same ticket is a different tag: one cannot be turned into the other.
        var address = ReplyAddress.For("support@help.example.com", 1042, Secret);
        var addressTag = address[(address.IndexOf('.', StringComparison.Ordinal) + 1)..address.IndexOf('@', StringComparison.Ordinal)];
        Assert.Null(OwnMessageId.TicketOf($"atende.t1042.e77.{addressTag}@help.example.com", Secret));
    }
}
