using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>
/// Finds metadata cues in article text: a dateline, a byline at the top, and phrases that reveal which
/// outlet published the text. Every candidate has <see cref="MetadataSource.TextCue"/> as its source, the
/// matched snippet as evidence and, as <see cref="MetadataCandidate.RawSpan"/>, the span of the value in the
/// text passed to <see cref="Detect"/> (callers holding an offset map translate it to raw offsets).
/// </summary>
/// <remarks>
/// <para>Confidences are calibrated by how often a cue names the publisher rather than someone it cites:</para>
/// <list type="bullet">
/// <item>Dateline place ("BEIRUT (Reuters) —", "MOSCOW, June 1 —") at the start of the first paragraphs: 0.8 for
/// the first paragraph, 0.55 later. A month and day without a year give no publication date: the year is unknown.</item>
/// <item>The agency in a dateline's parentheses: outlet 0.6 (wire copy is often carried by other outlets).</item>
/// <item>A paragraph that is only a byline ("By Jo Lee") among the first three: author 0.75.</item>
/// <item>"NAME reports:" opening a paragraph: outlet 0.7 — a house style for the publisher's own reporting.</item>
/// <item>"NAME's (military, intelligence, …) sources", "NAME reporter/correspondent", "NAME has learned / can reveal":
/// outlet 0.55 when NAME is shaped like a brand (an outlet word or inner capitals), otherwise only when another
/// self-reference cue names it too.</item>
/// <item>"told The/the NAME" where NAME contains an outlet word ("told The Telegraph"): outlet 0.6; papers
/// write this about interviews they ran themselves.</item>
/// <item>"As reported by NAME": outlet 0.4; some outlets refer to themselves this way, but it also cites others.</item>
/// <item>"NAME reported" at a clause start ("On Sunday, Haaretz reported"): outlet 0.2; usually a citation.</item>
/// </list>
/// <para>Cues naming the same outlet are combined as independent evidence, 1 − Π(1 − cᵢ), capped at 0.9.
/// Nothing is guessed: a text without cues yields no candidates.</para>
/// <para>Immutable and thread-safe. <see cref="Detect"/> throws <see cref="ArgumentNullException"/> for null text.</para>
/// </remarks>
public sealed partial class TextCueDetector
{
    /// <summary>Confidence for a dateline in the first paragraph.</summary>
    public const double DatelineFirstParagraph = 0.8;
    /// <summary>Confidence for a dateline in the second or third paragraph.</summary>
    public const double DatelineLaterParagraph = 0.55;
    /// <summary>Confidence for the agency named in a dateline.</summary>
    public const double DatelineAgency = 0.6;
    /// <summary>Confidence for a byline paragraph near the top.</summary>
    public const double BylineParagraph = 0.75;
    /// <summary>Confidence for "NAME reports:" opening a paragraph.</summary>
    public const double ReportsColon = 0.7;
    /// <summary>Confidence for "NAME's sources", "NAME reporter", "NAME has learned".</summary>
    public const double OwnSources = 0.55;
    /// <summary>Confidence for "told The NAME".</summary>
    public const double ToldOutlet = 0.6;
    /// <summary>Confidence for "As reported by NAME".</summary>
    public const double AsReportedBy = 0.4;
    /// <summary>Confidence for "NAME reported".</summary>
    public const double NameReported = 0.2;
    /// <summary>Upper bound of a combined outlet confidence.</summary>
    public const double CombinedCap = 0.9;

    private const int HeadParagraphs = 3;
    private const int EvidenceContext = 60;

    private sealed record Cue(string Name, double Confidence, TextSpan Span, string Evidence, bool BrandShapeNeeded);

    /// <summary>Returns the cues found in <paramref name="cleanText"/>, outlets merged per name, in text order.</summary>
    public ImmutableArray<MetadataCandidate> Detect(string cleanText)
    {
        ArgumentNullException.ThrowIfNull(cleanText);
        var result = ImmutableArray.CreateBuilder<MetadataCandidate>();
        var paragraphs = Paragraphs(cleanText);

        for (int p = 0; p < Math.Min(HeadParagraphs, paragraphs.Count); p++)
        {
            var span = paragraphs[p];
            var paragraph = span.Of(cleanText);
            var author = MetadataLines.ParseByline(paragraph);
            if (author is not null)
            {
                result.Add(new MetadataCandidate(MetadataField.Author, author, MetadataSource.TextCue, BylineParagraph, paragraph, span));
                continue;
            }
            var d = Dateline().Match(paragraph);
            if (!d.Success) continue;
            var placeGroup = d.Groups["place"].Success ? d.Groups["place"] : d.Groups["tplace"];
            var place = LineFeatures.NameCase(placeGroup.Value.Trim());
            var evidence = d.Value.Trim();
            result.Add(new MetadataCandidate(MetadataField.Dateline, place, MetadataSource.TextCue,
                p == 0 || (p == 1 && result.Count > 0) ? DatelineFirstParagraph : DatelineLaterParagraph, evidence,
                new TextSpan(span.Start + placeGroup.Index, span.Start + placeGroup.Index + placeGroup.Length)));
            var agency = d.Groups["agency"];
            if (agency.Success && agency.Value.Any(char.IsUpper))
            {
                result.Add(new MetadataCandidate(MetadataField.Outlet, agency.Value.Trim(), MetadataSource.TextCue, DatelineAgency, evidence,
                    new TextSpan(span.Start + agency.Index, span.Start + agency.Index + agency.Length)));
            }
            break;
        }

        var cues = new List<Cue>();
        foreach (var span in paragraphs)
        {
            var paragraph = span.Of(cleanText);
            Collect(cues, ReportsColonCue().Match(paragraph), span.Start, paragraph, ReportsColon, brandShapeNeeded: false);
            Collect(cues, ReporterCue().Match(paragraph), span.Start, paragraph, OwnSources, brandShapeNeeded: true);
        }
        foreach (Match m in OwnSourcesCue().Matches(cleanText)) Collect(cues, m, 0, cleanText, OwnSources, brandShapeNeeded: true);
        foreach (Match m in LearnedCue().Matches(cleanText)) Collect(cues, m, 0, cleanText, OwnSources, brandShapeNeeded: true);
        foreach (Match m in ToldCue().Matches(cleanText))
            if (CueLexicon.HasOutletWord(m.Groups["o"].Value)) Collect(cues, m, 0, cleanText, ToldOutlet, brandShapeNeeded: false);
        foreach (Match m in AsReportedByCue().Matches(cleanText)) Collect(cues, m, 0, cleanText, AsReportedBy, brandShapeNeeded: false);
        foreach (Match m in NameReportedCue().Matches(cleanText))
        {
            var name = m.Groups["o"].Value;
            if (name.Contains(' ', StringComparison.Ordinal) ? CueLexicon.HasOutletWord(name) : !CueLexicon.NotOutlets.Contains(name))
                Collect(cues, m, 0, cleanText, NameReported, brandShapeNeeded: false);
        }

        var byName = cues
            .GroupBy(c => Normalise(c.Name), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.ToList())
            .Where(g => g.Exists(c => !c.BrandShapeNeeded) || CueLexicon.IsOutletShaped(g[0].Name))
            .OrderBy(g => g.Min(c => c.Span.Start));
        foreach (var group in byName)
        {
            double missing = 1;
            foreach (var c in group) missing *= 1 - c.Confidence;
            var best = group.MaxBy(c => c.Confidence)!;
            var first = group.MinBy(c => c.Span.Start)!;
            result.Add(new MetadataCandidate(MetadataField.Outlet, Normalise(first.Name), MetadataSource.TextCue,
                Math.Round(Math.Min(CombinedCap, 1 - missing), 3), best.Evidence, first.Span));
        }
        return result.ToImmutable();
    }

    private static void Collect(List<Cue> cues, Match m, int offset, string text, double confidence, bool brandShapeNeeded)
    {
        if (!m.Success) return;
        var o = m.Groups["o"];
        var name = o.Value.Trim();
        if (name.Length < 2) return;
        int from = Math.Max(0, m.Index - EvidenceContext / 2);
        int to = Math.Min(text.Length, m.Index + m.Length + EvidenceContext / 2);
        var evidence = text[from..to].Trim();
        cues.Add(new Cue(name, confidence, new TextSpan(offset + o.Index, offset + o.Index + o.Length), evidence, brandShapeNeeded));
    }

    /// <summary>"the Telegraph" and "The Telegraph" are one outlet; the capitalised article is kept.</summary>
    private static string Normalise(string name) =>
        name.StartsWith("the ", StringComparison.Ordinal) ? string.Concat("The ", name.AsSpan(4)) : name;

    private static List<TextSpan> Paragraphs(string text)
    {
        var spans = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            int s = start, e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) spans.Add(new TextSpan(s, e));
            start = i + 1;
        }
        return spans;
    }

    private const string Name = @"\p{Lu}[\p{L}\p{N}&'’\-]*(?:\.[\p{L}]{2,4})?(?:\s\p{Lu}[\p{L}\p{N}&'’\-]*){0,3}";
    private const string Months = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    [GeneratedRegex(@"^(?:(?<place>\p{Lu}[\p{Lu}'’.\-]*(?:\s\p{Lu}[\p{Lu}'’.\-]*){0,3})(?:,\s\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})?(?:,?\s" + Months + @"\s\d{1,2})?|(?<tplace>\p{Lu}\p{Ll}+(?:[\s\-]\p{Lu}\p{Ll}+){0,2}),\s" + Months + @"\s\d{1,2})\s*(?:\((?<agency>[^()\n]{2,40})\))?\s*(?:—|–|--|-)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(?<o>" + Name + @")\s+reports?\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex ReportsColonCue();

    [GeneratedRegex(@"^(?<o>" + Name + @")(?:'s|’s)?\s+(?:reporter|correspondent|reporters|correspondents|staff)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterCue();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<o>" + Name + @")(?:'s|’s|'|’)\s+(?:(?:\p{Ll}[\p{L}\-]*|Middle\sEast|Washington|Moscow)\s+){0,2}sources\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnSourcesCue();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<o>" + Name + @")\s+(?:has\s+learned|has\s+learnt|can\s+reveal|understands\s+that|has\s+seen)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LearnedCue();

    [GeneratedRegex(@"\btold\s+(?<o>[Tt]he\s\p{Lu}[\p{L}\p{N}&'’\-]*(?:\s\p{Lu}[\p{L}\p{N}&'’\-]*){0,3})", RegexOptions.CultureInvariant)]
    private static partial Regex ToldCue();

    [GeneratedRegex(@"\b[Aa]s\s+(?:was\s+)?reported\s+by\s+(?<o>(?:[Tt]he\s)?" + Name + @")", RegexOptions.CultureInvariant)]
    private static partial Regex AsReportedByCue();

    [GeneratedRegex(@"(?:^|(?<=[.!?]\s)|(?<=,\s)|(?<=\n))(?<o>(?:The\s)?\p{Lu}[\p{L}\p{N}&'’\-]*(?:\s\p{Lu}[\p{L}\p{N}&'’\-]*){0,2})\s+(?:reported|has\s+reported|reports)\b(?!\s*:)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex NameReportedCue();
}
