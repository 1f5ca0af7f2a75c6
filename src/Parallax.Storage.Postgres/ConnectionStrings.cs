using System.Globalization;
using Npgsql;

namespace Parallax.Storage.Postgres;

/// <summary>
/// Reads the two spellings a user may give for a PostgreSQL store: an Npgsql connection string
/// ("Host=…;Port=…;Username=…;Password=…;Database=…") or a URI (postgres://user:password@host:port/database?sslmode=require).
/// </summary>
internal static class ConnectionStrings
{
    /// <summary>True when <paramref name="value"/> is a postgres:// or postgresql:// URI.</summary>
    public static bool IsUri(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="value"/> looks like an Npgsql connection string (it names a host).</summary>
    public static bool IsKeyValue(string value)
    {
        if (!value.Contains('=', StringComparison.Ordinal)) return false;
        try
        {
            var b = new NpgsqlConnectionStringBuilder(value);
            return !string.IsNullOrEmpty(b.Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The Npgsql settings for either spelling. Throws <see cref="ArgumentException"/> when the value is malformed.
    /// </summary>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        var b = IsUri(value) ? FromUri(value) : new NpgsqlConnectionStringBuilder(value);
        // Lets administrators tell Parallax's sessions apart in pg_stat_activity.
        if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = "parallax";
        return b;
    }

    /// <summary>The settings as a URI without the password, for messages.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder b)
    {
        var user = string.IsNullOrEmpty(b.Username) ? "" : Uri.EscapeDataString(b.Username) + "@";
        var host = b.Host ?? "localhost";
        if (host.Contains(':', StringComparison.Ordinal) && !host.Contains(',', StringComparison.Ordinal)) host = "[" + host + "]";
        var db = string.IsNullOrEmpty(b.Database) ? "" : "/" + Uri.EscapeDataString(b.Database);
        var schema = string.IsNullOrEmpty(b.SearchPath) ? "" : "?search_path=" + Uri.EscapeDataString(b.SearchPath);
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{host}:{b.Port}{db}{schema}");
    }

    private static NpgsqlConnectionStringBuilder FromUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"'{Redact(value)}' is not a valid postgres:// URI (postgres://user:password@host:port/database).");
        var b = new NpgsqlConnectionStringBuilder { Host = uri.IdnHost.Trim('[', ']') };
        if (uri.Port > 0) b.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            int colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) b.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var path = uri.AbsolutePath.TrimStart('/');
        if (path.Length > 0) b.Database = Uri.UnescapeDataString(path);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var val = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            // libpq's names for the settings people put in URIs; anything else is passed to Npgsql as written.
            switch (key.ToUpperInvariant())
            {
                case "SSLMODE": b.SslMode = Enum.Parse<SslMode>(val.Replace("-", "", StringComparison.Ordinal), ignoreCase: true); break;
                case "APPLICATION_NAME": b.ApplicationName = val; break;
                case "CONNECT_TIMEOUT": b.Timeout = int.Parse(val, NumberStyles.Integer, CultureInfo.InvariantCulture); break;
                case "SEARCH_PATH": b.SearchPath = val; break;
                case "SSLROOTCERT": b.RootCertificate = val; break;
                default: b[key] = val; break;
            }
        }
        return b;
    }

    private static string Redact(string value)
    {
        int at = value.LastIndexOf('@');
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? value[..(scheme + 3)] + "…" + value[at..] : value;
    }
}
