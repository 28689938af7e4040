using System.Net;
using System.Net.Sockets;

namespace Atende.Webhooks;

/// <summary>
/// Where a webhook may be sent. An admin types the URL, but the desk's server makes the request from inside its
/// network, so by default only public addresses are reached: no loopback, private ranges, link-local (cloud metadata at
/// 169.254.169.254) or carrier-grade NAT. The check runs when the connection is made, on the address actually dialled,
/// so a name that resolves to a public address at save time and to an internal one later (DNS rebinding) is refused
/// too. <c>Atende:Webhooks:AllowPrivateNetworks</c> lifts it for desks whose receivers live on the same network.
/// </summary>
public static class WebhookDestination
{
    public const string AllowPrivateNetworksSetting = "Atende:Webhooks:AllowPrivateNetworks";

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                     || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)   // carrier-grade NAT
                     || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata
                     || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                     || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
                     || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // benchmarking
                     || b[0] >= 224);                                 // multicast and reserved
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                     || (b[0] & 0xFE) == 0xFC);                       // unique local fc00::/7
        }
        return false;
    }

    /// <summary>
    /// The connect step of the webhook HTTP client: resolves the host, refuses non-public addresses unless allowed,
    /// and connects to the first acceptable one.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivateNetworks) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = allowPrivateNetworks ? addresses : addresses.Where(IsPublic).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException(
                    $"Refused: {host} resolves to a private or local network address ({string.Join(", ", addresses.Select(a => a.ToString()))}); " +
                    $"set {AllowPrivateNetworksSetting} to allow it.");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
