using System.Text;
using Atende.Email;

namespace Atende.Tests.Email;

public sealed class ReplyAddressTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a-test-secret-of-32-bytes-length");
    private static readonly byte[] OtherSecret = Encoding.ASCII.GetBytes("another-secret-of-32-bytes-lengt");

    [Fact]
    public void An_address_made_for_a_ticket_reads_back_as_that_ticket()
    {
        var address = ReplyAddress.For("support@example.com", 1042, Secret);
        Assert.Matches(@"^support\+t1042\.[a-z2-7]{16}@example\.com$", address);
        Assert.Equal(1042, ReplyAddress.TicketOf(address, Secret));
        Assert.Equal(1042, ReplyAddress.TicketOf(address.ToUpperInvariant(), Secret));
        Assert.Equal(address, ReplyAddress.For("support+old@example.com", 1042, Secret));
    }

    [Fact]
    public void A_changed_number_a_changed_tag_or_another_secret_is_refused()
    {
        var address = ReplyAddress.For("support@example.com", 1042, Secret);
        Assert.Null(ReplyAddress.TicketOf(address.Replace("+t1042.", "+t1043.", StringComparison.Ordinal), Secret));
        var tagAt = address.IndexOf('.', StringComparison.Ordinal) + 1;
        var tampered = address[..tagAt] + (address[tagAt] == 'a' ? 'b' : 'a') + address[(tagAt + 1)..];
        Assert.Null(ReplyAddress.TicketOf(tampered, Secret));
        Assert.Null(ReplyAddress.TicketOf(address, OtherSecret));
        Assert.Null(ReplyAddress.TicketOf("support@example.com", Secret));
        Assert.Null(ReplyAddress.TicketOf("support+t1042@example.com", Secret));
        Assert.Null(ReplyAddress.TicketOf(null, Secret));
    }

    [Fact]
    public void A_short_secret_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => ReplyAddress.For("support@example.com", 1, "short"u8.ToArray()));
    }

    [Theory]
    [InlineData("Re: Printer broken [#1042]", 1042)]
    [InlineData("RES: [#7] Impressora", 7)]
    [InlineData("Fwd: [#12] and [#34]", 12)]
    [InlineData("Ticket #1042", null)]
    [InlineData("[#0]", null)]
    [InlineData(null, null)]
    public void The_subject_tag_is_found(string? subject, int? ticket) => Assert.Equal(ticket, SubjectTag.Find(subject));

    [Fact]
    public void The_subject_tag_is_added_once()
    {
        Assert.Equal("Printer broken [#1042]", SubjectTag.AddTo("Printer broken", 1042));
        Assert.Equal("Re: Printer broken [#1042]", SubjectTag.AddTo("Re: Printer broken [#1042]", 1042));
    }
}
