using System.Net;
using System.Net.Sockets;

namespace Parallax.Ingest;

/// <summary>
/// Which addresses a download may reach. Loopback, link-local, private, shared (CGNAT), unspecified, multicast and
/// reserved ranges are refused by default so that a URL in an input list cannot make Parallax probe the machine
/// it runs on or its local network (server-side request forgery).
/// </summary>
internal static class NetworkPolicy
{
    /// <summary>True when the address is not on the public internet.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] == 0                                   // 0.0.0.0/8 "this network"
                || b[0] == 10                                  // 10/8
                || b[0] == 127                                 // loopback
                || (b[0] == 100 && (b[1] & 0xC0) == 64)        // 100.64/10 shared address space
                || (b[0] == 169 && b[1] == 254)                // link-local, cloud metadata
                || (b[0] == 172 && (b[1] & 0xF0) == 16)        // 172.16/12
                || (b[0] == 192 && b[1] == 168)                // 192.168/16
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)     // 192.0.0/24 protocol assignments
                || (b[0] == 198 && (b[1] & 0xFE) == 18)        // 198.18/15 benchmarking
                || b[0] >= 224;                                // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address)) return true;
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return true;
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if ((b[0] & 0xFE) == 0xFC) return true;            // fc00::/7 unique local
            // 64:ff9b::/96 (NAT64) embeds an IPv4 address; judge that address.
            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
                return IsPrivate(new IPAddress(b[12..16]));
            return false;
        }
        return true;
    }
}

/// <summary>Thrown from the connect step when a host resolves to an address the policy refuses.</summary>
internal sealed class AddressRefusedException : Exception
{
    public AddressRefusedException(string host, IPAddress address)
        : base($"{host} resolves to {address}, which is not a public address") => Address = address;

    public AddressRefusedException() { }

    public AddressRefusedException(string message) : base(message) => Address = IPAddress.None;

    public AddressRefusedException(string message, Exception inner) : base(message, inner) => Address = IPAddress.None;

    public IPAddress Address { get; } = IPAddress.None;
}
