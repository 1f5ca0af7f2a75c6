using Parallax.Core.Analysis;

namespace Parallax.Core.Tests.Analysis;

public sealed class DateRangeTests
{
    [Theory]
    [InlineData("2018-05-31", null, "2018-05-31", "2018-05-31")]
    [InlineData("2018-05", null, "2018-05-01", "2018-05-31")]
    [InlineData("2018", null, "2018-01-01", "2018-12-31")]
    [InlineData("XXXX-07-16", 2018, "2018-07-16", "2018-07-16")]
    [InlineData("2018-W22", null, "2018-05-28", "2018-06-03")]
    public void Parse_TimeMlValue_InclusiveDays(string value, int? year, string first, string last)
    {
        // Given / When
        var range = DateRange.Parse(value, year);

        // Then
        Assert.NotNull(range);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), range.Value.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), range.Value.Last);
    }

    [Theory]
    [InlineData("PRESENT_REF")]
    [InlineData("XXXX-07-16")]
    [InlineData("P3D")]
    [InlineData("")]
    public void Parse_NoDayRange_Null(string value)
    {
        // Given / When / Then
        Assert.Null(DateRange.Parse(value));
    }
}
