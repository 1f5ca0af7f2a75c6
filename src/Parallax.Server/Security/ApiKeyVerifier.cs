using System.Security.Cryptography;
using System.Text;

namespace Parallax.Server.Security;

/// <summary>
/// Checks presented API keys against the configured ones in constant time: both sides are hashed to a fixed length
/// first (so neither the key's length nor a common prefix shows in timing), and every configured key is compared
/// without stopping early.
/// </summary>
internal sealed class ApiKeyVerifier
{
    private readonly byte[][] _hashes;

    public ApiKeyVerifier(IEnumerable<string> keys) =>
        _hashes = [.. keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Select(Hash)];

    public int Count => _hashes.Length;

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || _hashes.Length == 0) return false;
        var candidate = Hash(presented);
        bool match = false;
        foreach (var h in _hashes) match |= CryptographicOperations.FixedTimeEquals(candidate, h);
        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
