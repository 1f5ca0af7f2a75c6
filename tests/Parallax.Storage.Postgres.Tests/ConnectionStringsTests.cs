using Npgsql;
using Parallax.Core.Storage;

namespace Parallax.Storage.Postgres.Tests;

/// <summary>The two spellings of a PostgreSQL store location (no server needed).</summary>
public sealed class ConnectionStringsTests
{
    [Fact]
    public void Parse_Uri_MapsEveryPart()
    {
        // Given a URI with an escaped password, a port, a database and libpq-style settings
        const string uri = "postgres://px%40ops:s%3Acret%2Fpw@db1.example:6543/news_store?sslmode=verify-full&application_name=ingest-7&search_path=tenant_a";

        // When parsed
        var b = ConnectionStrings.Parse(uri);

        // Then each part lands in its Npgsql setting
        Assert.Equal("db1.example", b.Host);
        Assert.Equal(6543, b.Port);
        Assert.Equal("px@ops", b.Username);
        Assert.Equal("s:cret/pw", b.Password);
        Assert.Equal("news_store", b.Database);
        Assert.Equal(SslMode.VerifyFull, b.SslMode);
        Assert.Equal("ingest-7", b.ApplicationName);
        Assert.Equal("tenant_a", b.SearchPath);
    }

    [Fact]
    public void Describe_KeyValueString_NamesNoPassword()
    {
        // Given an Npgsql connection string with a password
        var b = ConnectionStrings.Parse("Host=127.0.0.1;Port=5432;Username=parallax;Password=hunter2;Database=parallax");

        // When described for messages
        var location = ConnectionStrings.Describe(b);

        // Then it is a URI without the password, and the application name is set for pg_stat_activity
        Assert.Equal("postgres://parallax@127.0.0.1:5432/parallax", location);
        Assert.Equal("parallax", b.ApplicationName);
    }

    [Theory]
    [InlineData("postgres://u:p@localhost/db", true)]
    [InlineData("postgresql://localhost", true)]
    [InlineData("Host=127.0.0.1;Database=parallax", true)]
    [InlineData("/home/me/.parallax", false)]
    [InlineData("data=dir", false)]
    [InlineData("./parallax-data", false)]
    public void IsPostgresLocation_Value_TellsStoreKind(string value, bool expected)
    {
        // Given a --store value
        // When classified
        // Then URIs and connection strings with a host are PostgreSQL, folders are not
        Assert.Equal(expected, PostgresStore.IsPostgresLocation(value));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Colour=blue")]
    [InlineData("postgres://")]
    [InlineData("postgres://u@host/db?sslmode=sometimes")]
    public async Task OpenAsync_MalformedSettings_ThrowsPX2001(string value)
    {
        // Given malformed settings
        // When opened
        var ex = await Assert.ThrowsAsync<StoreException>(() => PostgresStore.OpenAsync(value));

        // Then the open-failed code explains both accepted spellings
        Assert.Equal(StoreErrorCode.OpenFailed, ex.Code);
        Assert.Contains("postgres://user:password@host:port/database", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoServerListening_ThrowsPX2001NamingTheLocation()
    {
        // Given a loopback port nobody listens on
        const string cs = "Host=127.0.0.1;Port=1;Username=nobody;Password=secret-pw;Database=none;Timeout=3";

        // When opened
        var ex = await Assert.ThrowsAsync<StoreException>(() => PostgresStore.OpenAsync(cs));

        // Then the error says where, without the password
        Assert.Equal(StoreErrorCode.OpenFailed, ex.Code);
        Assert.Contains("postgres://nobody@127.0.0.1:1/none", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<NpgsqlException>(ex.InnerException);
    }
}
