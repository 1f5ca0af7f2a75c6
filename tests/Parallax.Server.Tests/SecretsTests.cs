using Parallax.Server.Security;

namespace Parallax.Server.Tests;

public sealed class SecretsTests
{
    [Theory]
    [InlineData("postgres://me:pa55@db.internal:5432/news", "postgres://me:***@db.internal:5432/news")]
    [InlineData("Host=db;Username=me;Password=pa55;Database=news", "Host=db;Username=me;Password=***;Database=news")]
    [InlineData("Host=db;PWD = 'pa;55';Database=news", "Host=db;PWD = ***;Database=news")]
    [InlineData("Host=db;Database=news", "Host=db;Database=news")]
    [InlineData("postgres://me@db/news", "postgres://me@db/news")]
    public void Redact_ConnectionStrings_HidesOnlyThePassword(string input, string expected)
    {
        // When
        var redacted = Secrets.Redact(input);

        // Then
        Assert.Equal(expected, redacted);
    }
}
