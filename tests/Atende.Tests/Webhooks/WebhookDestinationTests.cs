using System.Net;
using Atende.Webhooks;

namespace Atende.Tests.Webhooks;

public sealed class WebhookDestinationTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.20")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.0.0.1")] // IPv4-mapped private address
    [InlineData("::")]
    public void Internal_addresses_are_not_public(string address) =>
        Assert.False(WebhookDestination.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("193.0.6.139")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.4.4")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(WebhookDestination.IsPublic(IPAddress.Parse(address)));
}
