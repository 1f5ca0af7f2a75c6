using System.Text.RegularExpressions;

namespace Parallax.Server.Security;

/// <summary>Removes passwords from store locations and messages before they are logged or returned.</summary>
public static partial class Secrets
{
    /// <summary>
    /// The text with the password of every <c>Password=…</c> / <c>Pwd=…</c> key and every <c>scheme://user:password@</c>
    /// URI replaced by <c>***</c>. Null gives the empty string. Pure and thread-safe.
    /// </summary>
    public static string Redact(string? text) =>
        text is null ? "" : SecretPattern().Replace(text, m => m.Groups["key"].Success ? m.Groups["key"].Value + "***" : m.Groups["user"].Value + "***@");

    [GeneratedRegex(@"(?<key>\b(?:password|pwd)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;]*)|(?<user>://[^:/@\s]+:)[^@\s]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
