using System.Collections.Immutable;
using System.Globalization;

namespace Parallax.Nlp.Entities;

/// <summary>One parsed actor line: the non-empty cells by column name, and where it came from for error messages.</summary>
internal sealed record ActorRow(string Id, IReadOnlyDictionary<string, string> Cells, string Location);

/// <summary>One parsed role line.</summary>
internal sealed record RoleRow(string ActorId, ActorRole Role, string Location);

/// <summary>One parsed office line: the office code and the phrases news text uses for it.</summary>
internal sealed record OfficeRow(string Office, ImmutableArray<string> Phrases, string Location);

/// <summary>What one data file held. A file holds one kind of line, told apart by its header.</summary>
internal sealed record ActorDataFile(
    IReadOnlyList<ActorRow> Actors,
    IReadOnlyList<RoleRow> Roles,
    IReadOnlyList<OfficeRow> Offices);

/// <summary>
/// Reads the tab-separated actor data format: '#' lines and blank lines are comments, the first other line is the
/// header naming the columns, and each following line is one entry. List cells separate items with '|'.
/// </summary>
internal static class ActorDataReader
{
    public static readonly ImmutableArray<string> ActorColumns =
        ["id", "type", "name", "aliases", "demonyms", "country", "iso2", "iso3", "capital", "parent", "affiliation", "qid"];

    public static readonly ImmutableArray<string> RoleColumns = ["actor", "office", "of", "title", "from", "to"];

    public static readonly ImmutableArray<string> OfficeColumns = ["office", "phrases"];

    public static ActorDataFile Read(string sourceName, TextReader reader)
    {
        var actors = new List<ActorRow>();
        var roles = new List<RoleRow>();
        var offices = new List<OfficeRow>();
        string[]? header = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
                continue;
            var where = $"{sourceName}:{lineNumber.ToString(CultureInfo.InvariantCulture)}";
            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells.Select(c => c.Trim()).ToArray();
                ValidateHeader(header, where);
                continue;
            }

            if (cells.Length > header.Length)
            {
                throw new ActorDataException(
                    ActorDataErrorCode.BadCellCount,
                    $"{where} has {cells.Length} cells but the header has {header.Length}; separate cells with one tab and do not put tabs inside a cell.");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Length; i++)
            {
                var value = cells[i].Trim();
                if (value.Length > 0)
                    values[header[i]] = value;
            }

            if (header.Contains("id"))
                actors.Add(new ActorRow(Required(values, "id", where), values, where));
            else if (header.Contains("actor"))
                roles.Add(ParseRole(values, where));
            else
                offices.Add(new OfficeRow(Required(values, "office", where), SplitList(values.GetValueOrDefault("phrases")), where));
        }

        return new ActorDataFile(actors, roles, offices);
    }

    public static ImmutableArray<string> SplitList(string? cell) =>
        cell is null
            ? []
            : [.. cell.Split('|').Select(s => s.Trim()).Where(s => s.Length > 0)];

    public static string Required(IReadOnlyDictionary<string, string> values, string column, string where) =>
        values.TryGetValue(column, out var value)
            ? value
            : throw new ActorDataException(ActorDataErrorCode.MissingValue, $"{where}: the '{column}' cell is empty; every line needs one.");

    /// <summary>Parses yyyy, yyyy-MM or yyyy-MM-dd; a partial date stands for the first (start) or last (end) day of its period.</summary>
    public static DateOnly? ParseDate(string? cell, bool isEnd, string where)
    {
        if (cell is null)
            return null;
        var parts = cell.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
            throw BadDate(cell, where);
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : (isEnd ? 12 : 1);
        if (month is < 1 or > 12)
            throw BadDate(cell, where);
        var lastDay = DateTime.DaysInMonth(year, month);
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : (isEnd ? lastDay : 1);
        if (day < 1 || day > lastDay)
            throw BadDate(cell, where);
        return new DateOnly(year, month, day);
    }

    private static ActorDataException BadDate(string cell, string where) =>
        new(ActorDataErrorCode.BadDate, $"{where}: '{cell}' is not a date; write yyyy-MM-dd, yyyy-MM or yyyy.");

    private static RoleRow ParseRole(Dictionary<string, string> values, string where)
    {
        var from = ParseDate(values.GetValueOrDefault("from"), isEnd: false, where);
        var to = ParseDate(values.GetValueOrDefault("to"), isEnd: true, where);
        if (from is not null && to is not null && to.Value < from.Value)
        {
            throw new ActorDataException(
                ActorDataErrorCode.BadDate,
                $"{where}: the role ends ({to.Value:yyyy-MM-dd}) before it starts ({from.Value:yyyy-MM-dd}); swap or correct the dates.");
        }

        var office = Required(values, "office", where);
        var role = new ActorRole(office, Required(values, "of", where), values.GetValueOrDefault("title") ?? office, from, to);
        return new RoleRow(Required(values, "actor", where), role, where);
    }

    private static void ValidateHeader(string[] header, string where)
    {
        var known = header.Contains("id") ? ActorColumns : header.Contains("actor") ? RoleColumns : header.Contains("phrases") ? OfficeColumns : [];
        if (known.IsEmpty)
        {
            throw new ActorDataException(
                ActorDataErrorCode.BadHeader,
                $"{where}: the header must name an 'id' column (actors), an 'actor' column (roles) or a 'phrases' column (offices).");
        }

        foreach (var column in header)
        {
            if (!known.Contains(column))
            {
                throw new ActorDataException(
                    ActorDataErrorCode.BadHeader,
                    $"{where}: unknown column '{column}'; the columns for this kind of file are {string.Join(", ", known)}.");
            }
        }

        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
            throw new ActorDataException(ActorDataErrorCode.BadHeader, $"{where}: a column is named twice in the header.");
    }
}
