using System.Text;
using Parallax.Core.Storage;

namespace Parallax.Storage.Postgres;

/// <summary>
/// Translates the port's search syntax (the FTS5 query language the SQLite adapter accepts) into PostgreSQL
/// tsquery text for to_tsquery.
/// </summary>
/// <remarks>
/// Supported, with FTS5's meaning and precedence (NOT binds tighter than AND, AND tighter than OR): plain words
/// (AND-ed when written side by side), "quoted phrases" ("" inside quotes is a quote), AND, OR, NOT (binary:
/// a NOT b), parentheses, a trailing * for prefixes, and the column filters title: and body:. Operators are
/// recognised only in upper case, as in FTS5. Each word or phrase becomes one quoted tsquery operand, so
/// to_tsquery normalises it exactly as the stored text was (a phrase becomes lexemes joined by &lt;-&gt;).
/// FTS5's NEAR groups and {column sets} are not supported. Pure and thread-safe.
/// </remarks>
internal static class SearchQuery
{
    private const string Advice = "Quote phrases with double quotes; use AND, OR, NOT, parentheses, * for prefixes and title: or body: to search one field.";

    /// <summary>
    /// The tsquery text for <paramref name="query"/>, or null when the query holds no term at all (nothing matches).
    /// Throws <see cref="StoreException"/> PX2004 when the query is not valid.
    /// </summary>
    public static string? ToTsQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = Tokenize(query);
        if (tokens.Count == 0) return null;
        var parser = new Parser(query, tokens);
        var text = parser.ParseOr();
        if (parser.Position < tokens.Count)
            throw Bad(query, tokens[parser.Position].Kind == TokenKind.Close ? "a ')' has no matching '('" : $"unexpected '{tokens[parser.Position].Text}'");
        return text;
    }

    private enum TokenKind { Word, Phrase, Open, Close, Star, Colon, And, Or, Not }

    private readonly record struct Token(TokenKind Kind, string Text);

    private static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < query.Length)
        {
            char c = query[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            switch (c)
            {
                case '(': tokens.Add(new Token(TokenKind.Open, "(")); i++; continue;
                case ')': tokens.Add(new Token(TokenKind.Close, ")")); i++; continue;
                case '*': tokens.Add(new Token(TokenKind.Star, "*")); i++; continue;
                case ':': tokens.Add(new Token(TokenKind.Colon, ":")); i++; continue;
                case '"':
                {
                    var phrase = new StringBuilder();
                    int j = i + 1;
                    while (true)
                    {
                        if (j >= query.Length) throw Bad(query, "a double quote is not closed");
                        if (query[j] == '"')
                        {
                            // FTS5 writes a quote inside a phrase as two quotes.
                            if (j + 1 < query.Length && query[j + 1] == '"') { phrase.Append('"'); j += 2; continue; }
                            break;
                        }
                        phrase.Append(query[j++]);
                    }
                    tokens.Add(new Token(TokenKind.Phrase, phrase.ToString()));
                    i = j + 1;
                    continue;
                }
            }
            int start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')' or '*' or ':' or '"')) i++;
            var word = query[start..i];
            tokens.Add(word switch
            {
                "AND" => new Token(TokenKind.And, word),
                "OR" => new Token(TokenKind.Or, word),
                "NOT" => new Token(TokenKind.Not, word),
                _ => new Token(TokenKind.Word, word),
            });
        }
        return tokens;
    }

    private static StoreException Bad(string query, string why) =>
        new(StoreErrorCode.BadQuery, $"The search query \"{query}\" is not valid: {why}. {Advice}");

    private sealed class Parser(string query, List<Token> tokens)
    {
        public int Position { get; private set; }

        private Token? Peek => Position < tokens.Count ? tokens[Position] : null;

        public string ParseOr()
        {
            var left = ParseAnd();
            while (Peek?.Kind == TokenKind.Or)
            {
                Position++;
                left = $"( {left} | {ParseAnd()} )";
            }
            return left;
        }

        private string ParseAnd()
        {
            var left = ParseNot();
            while (Peek is { } t && t.Kind is TokenKind.And or TokenKind.Word or TokenKind.Phrase or TokenKind.Open)
            {
                if (t.Kind == TokenKind.And) Position++;
                left = $"( {left} & {ParseNot()} )";
            }
            return left;
        }

        private string ParseNot()
        {
            var left = ParsePrimary();
            while (Peek?.Kind == TokenKind.Not)
            {
                Position++;
                left = $"( {left} & !{ParsePrimary()} )";
            }
            return left;
        }

        private string ParsePrimary()
        {
            if (Peek is not { } t) throw Bad(query, "it ends where a word or phrase was expected");
            switch (t.Kind)
            {
                case TokenKind.Open:
                {
                    Position++;
                    if (Peek?.Kind == TokenKind.Close) throw Bad(query, "'()' holds nothing");
                    var inner = ParseOr();
                    if (Peek?.Kind != TokenKind.Close) throw Bad(query, "a '(' is not closed");
                    Position++;
                    return $"( {inner} )";
                }
                case TokenKind.Word when Position + 1 < tokens.Count && tokens[Position + 1].Kind == TokenKind.Colon:
                {
                    string weight = t.Text.ToUpperInvariant() switch
                    {
                        "TITLE" => "A",
                        "BODY" => "B",
                        _ => throw Bad(query, $"there is no field '{t.Text}' (use title: or body:)"),
                    };
                    Position += 2;
                    if (Peek is not { Kind: TokenKind.Word or TokenKind.Phrase }) throw Bad(query, $"'{t.Text}:' must be followed by a word or a phrase");
                    return Operand(weight);
                }
                case TokenKind.Word or TokenKind.Phrase:
                    return Operand("");
                default:
                    throw Bad(query, $"'{t.Text}' stands where a word or phrase was expected");
            }
        }

        private string Operand(string weight)
        {
            var t = tokens[Position++];
            bool prefix = false;
            if (Peek?.Kind == TokenKind.Star)
            {
                prefix = true;
                Position++;
            }
            if (Peek?.Kind == TokenKind.Star) throw Bad(query, "'**' is not a prefix");
            var sb = new StringBuilder(t.Text.Length + 8).Append('\'');
            foreach (var ch in t.Text)
            {
                // Inside a quoted tsquery operand a quote is doubled and a backslash escapes the next character.
                if (ch == '\'') sb.Append('\'');
                else if (ch == '\\') sb.Append('\\');
                sb.Append(ch);
            }
            sb.Append('\'');
            if (prefix || weight.Length > 0) sb.Append(':').Append(prefix ? "*" : "").Append(weight);
            return sb.ToString();
        }
    }
}
