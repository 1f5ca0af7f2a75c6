using System.Text.RegularExpressions;
using Parallax.Core.Storage;

namespace Parallax.Storage.Postgres.Tests;

/// <summary>The translation of the port's FTS5-style queries to tsquery text (no server needed).</summary>
public sealed partial class SearchQueryTests
{
    // A quoted tsquery operand: quotes doubled, backslash escapes, then an optional :* and weight.
    [GeneratedRegex(@"'(?:[^'\\]|''|\\.)*'(?::\*?[AB]?)?")]
    private static partial Regex Operand();

    [Theory]
    [InlineData("monitoring posts", "( 'monitoring' & 'posts' )")]
    [InlineData("monitoring AND posts", "( 'monitoring' & 'posts' )")]
    [InlineData("\"monitoring posts\"", "'monitoring posts'")]
    [InlineData("a OR b c", "( 'a' | ( 'b' & 'c' ) )")]
    [InlineData("a b NOT c", "( 'a' & ( 'b' & !'c' ) )")]
    [InlineData("(a OR b) c", "( ( ( 'a' | 'b' ) ) & 'c' )")]
    [InlineData("harv*", "'harv':*")]
    [InlineData("\"peace talk\"*", "'peace talk':*")]
    [InlineData("title:wheat", "'wheat':A")]
    [InlineData("Body:\"grain silo\"", "'grain silo':B")]
    [InlineData("title:whe*", "'whe':*A")]
    [InlineData("it's", "'it''s'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("\"say \"\"no\"\"\"", "'say \"no\"'")]
    [InlineData("and or not", "( ( 'and' & 'or' ) & 'not' )")]
    [InlineData("O'Brien & Co | x", "( ( ( ( 'O''Brien' & '&' ) & 'Co' ) & '|' ) & 'x' )")]
    public void ToTsQuery_ValidQuery_TranslatesWithFts5Precedence(string query, string expected)
    {
        // Given a query in the port's syntax
        // When translated
        var tsquery = SearchQuery.ToTsQuery(query);

        // Then each word or phrase is one quoted operand, combined with FTS5's precedence
        Assert.Equal(expected, tsquery);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("(open")]
    [InlineData("close)")]
    [InlineData("()")]
    [InlineData("AND posts")]
    [InlineData("posts OR")]
    [InlineData("NOT posts")]
    [InlineData("*posts")]
    [InlineData("posts**")]
    [InlineData("author:smith")]
    [InlineData("title:")]
    [InlineData("title:(a b)")]
    public void ToTsQuery_InvalidQuery_ThrowsPX2004WithAdvice(string query)
    {
        // Given a query FTS5 would also reject
        // When translated
        var ex = Assert.Throws<StoreException>(() => SearchQuery.ToTsQuery(query));

        // Then the error has the bad-query code, quotes the query and says what is allowed
        Assert.Equal(StoreErrorCode.BadQuery, ex.Code);
        Assert.StartsWith("PX2004: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(query, ex.Message, StringComparison.Ordinal);
        Assert.Contains("double quotes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    public void ToTsQuery_NoTerms_ReturnsNull(string query)
    {
        // Given a query without any term
        // When translated
        // Then there is nothing to search for
        Assert.Null(SearchQuery.ToTsQuery(query));
    }

    [Fact]
    public void ToTsQuery_RandomQueries_NeverThrowAnythingButPX2004()
    {
        // Given random strings over the characters that matter to the syntax (fixed seed)
        var random = new Random(20240607);
        const string alphabet = "ab \"()*:ORANDTNOT'\\&|!title";
        for (int n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 14)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var query = new string(chars);

            // When translated
            // Then it yields text with balanced parentheses and quotes, or a PX2004 error
            try
            {
                var tsquery = SearchQuery.ToTsQuery(query);
                if (tsquery is null) continue;
                var outside = Operand().Replace(tsquery, "X");
                Assert.DoesNotContain("'", outside, StringComparison.Ordinal);
                int depth = 0;
                foreach (var c in outside)
                {
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    Assert.True(depth >= 0, tsquery);
                }
                Assert.Equal(0, depth);
            }
            catch (StoreException ex)
            {
                Assert.Equal(StoreErrorCode.BadQuery, ex.Code);
            }
        }
    }
}
