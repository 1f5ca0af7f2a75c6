using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>
/// Cleans plain text scraped from a news page: removes sign-up forms, comment forms, spam, teasers for other
/// articles, photo captions, counters, aggregator boilerplate and subscription prompts, and turns the headline,
/// subtitle, byline, masthead, "OUTLET/Month DD/YY" and credit lines into metadata candidates. Every removed
/// block is kept in <see cref="CleanedText.Removed"/> with its reason, raw span and the clean offset where it
/// would be restored.
/// </summary>
/// <remarks>
/// <para>The clean text is made of paragraphs (blank-line or line-break separated blocks of the input) joined
/// by "\n\n"; a sentence broken across lines (a line without final punctuation followed by one starting in
/// lower case) is rejoined with a single space, and whitespace runs inside a line become one space. Every
/// character of the clean text that lies in a segment of <see cref="CleanedText.Map"/> is identical to the raw
/// character it maps to; paragraph breaks and joining spaces are synthesised and map to the next copied character.</para>
/// <para>A line in another script directly under or beside the headline (its translation) stays in the clean
/// text as its own paragraph. A later copy of the headline, or of any line, is removed as
/// <see cref="RemovalReason.Repeated"/>.</para>
/// <para>Metadata confidences: byline at the top 0.85 (at the end 0.7); "OUTLET/Month DD/YY" outlet and date
/// 0.85; credit line 0.8; headline 0.75 (0.85 when the text repeats it); masthead 0.7 (0.85 when a photo
/// credit names the same outlet); subtitle 0.55; bare date line 0.7; an "OUTLET: " prefix of the headline 0.6.
/// The <see cref="TextCueDetector"/> then runs on the clean text; candidates agreeing on a field and value
/// are merged as independent evidence (1 − Π(1 − cᵢ), capped at 0.95).</para>
/// <para>Thread-safe: an instance holds no mutable state. <see cref="Clean"/> throws
/// <see cref="ArgumentNullException"/> for null input and <see cref="OperationCanceledException"/> when cancelled.</para>
/// </remarks>
public sealed class ScrapedTextCleaner
{
    private const int HeaderScanLines = 15;
    private const int TrailingBylineLines = 3;
    private const int MinRepeatedKeyLength = 12;
    private const double MergedCap = 0.95;

    private static readonly FrozenSet<string> _kickers = FrozenSet.ToFrozenSet(
    [
        "analysis", "exclusive", "opinion", "breaking", "live", "watch", "video", "update", "updated", "explainer",
        "comment", "editorial", "interview", "review", "factbox", "timeline", "q&a", "special report", "feature",
        "podcast", "photos", "in pictures", "fact check", "world", "news",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> _sectionWords = FrozenSet.ToFrozenSet(
    [
        "world", "latest", "breaking", "top", "local", "national", "international", "business", "politics", "sport",
        "sports", "middle", "east", "europe", "asia", "africa", "americas", "opinion", "analysis", "news", "home",
        "region", "security", "defence", "defense", "diplomacy", "energy", "the", "and", "&", "conflict", "war",
    ], StringComparer.OrdinalIgnoreCase);

    private readonly TextCueDetector _cueDetector;

    /// <summary>A cleaner that also runs a default <see cref="TextCueDetector"/> on its output.</summary>
    public ScrapedTextCleaner()
        : this(new TextCueDetector())
    {
    }

    /// <summary>A cleaner that runs the given detector on its output.</summary>
    public ScrapedTextCleaner(TextCueDetector cueDetector)
    {
        ArgumentNullException.ThrowIfNull(cueDetector);
        _cueDetector = cueDetector;
    }

    /// <summary>
    /// Cleans one scraped plain-text article. Offsets in the result index the returned clean text;
    /// <see cref="CleanedText.Map"/> and every <see cref="RemovedBlock.RawSpan"/> and candidate
    /// <see cref="MetadataCandidate.RawSpan"/> point into <paramref name="raw"/>.
    /// </summary>
    public CleaningResult Clean(string raw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = SplitLines(raw, cancellationToken);
        var candidates = new List<MetadataCandidate>();

        MarkMetadataLines(lines, candidates);
        cancellationToken.ThrowIfCancellationRequested();
        MarkForms(lines);
        foreach (var line in lines)
        {
            if (line.IsRemoved) continue;
            if (NoiseRules.ClassifyLine(line.Text, line.Words) is { } verdict) line.Remove(verdict.Reason, verdict.Detail);
            else CutInlinePrompts(line);
        }
        cancellationToken.ThrowIfCancellationRequested();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int firstBody = MarkHeader(raw, lines, candidates, seen);
        RejoinBrokenSentences(lines);
        MarkTeasersAndRepeats(raw, lines, firstBody, seen);
        cancellationToken.ThrowIfCancellationRequested();

        var clean = CleanTextAssembler.Assemble(raw, lines);
        foreach (var cue in _cueDetector.Detect(clean.Text))
            candidates.Add(cue.RawSpan is { } span ? cue with { RawSpan = clean.Map.ToRaw(span) } : cue);
        return new CleaningResult(clean, Merge(candidates));
    }

    private static List<SourceLine> SplitLines(string raw, CancellationToken cancellationToken)
    {
        var lines = new List<SourceLine>();
        int i = 0;
        while (i <= raw.Length)
        {
            int end = raw.IndexOfAny(['\n', '\r'], i);
            if (end < 0) end = raw.Length;
            int s = i, e = end;
            while (s < e && IsSpace(raw[s])) s++;
            while (e > s && IsSpace(raw[e - 1])) e--;
            if (e > s)
            {
                if ((lines.Count & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                lines.Add(new SourceLine(lines.Count, s, e, raw[s..e]));
            }
            if (end == raw.Length) break;
            i = raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? end + 2 : end + 1;
        }
        return lines;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';

    private static void MarkMetadataLines(List<SourceLine> lines, List<MetadataCandidate> candidates)
    {
        foreach (var line in lines)
        {
            bool top = line.Ordinal < HeaderScanLines;
            var span = new TextSpan(line.Start, line.End);
            if (top && MetadataLines.TryOutletDateLine(line.Text, out var outlet, out var date))
            {
                candidates.Add(new(MetadataField.Outlet, outlet, MetadataSource.TextCue, 0.85, line.Text, span));
                candidates.Add(new(MetadataField.Published, date, MetadataSource.TextCue, 0.85, line.Text, span));
                line.Remove(RemovalReason.Metadata, "outlet and date line (OUTLET/Month DD/YY)");
            }
            else if ((top || line.Ordinal >= lines.Count - TrailingBylineLines) && MetadataLines.ParseByline(line.Text) is { } author)
            {
                candidates.Add(new(MetadataField.Author, author, MetadataSource.TextCue, top ? 0.85 : 0.7, line.Text, span));
                line.Remove(RemovalReason.Metadata, "byline");
            }
            else if (MetadataLines.IsCreditLine(line.Text))
            {
                candidates.Add(new(MetadataField.Credit, line.Text, MetadataSource.TextCue, 0.8, line.Text, span));
                line.Remove(RemovalReason.Metadata, "credit line");
            }
            else if (top && MetadataLines.TryDateLine(line.Text, out var when, out bool isUpdate))
            {
                if (!isUpdate) candidates.Add(new(MetadataField.Published, when, MetadataSource.TextCue, 0.7, line.Text, span));
                line.Remove(RemovalReason.Metadata, isUpdate ? "update time stamp" : "publication date line");
            }
        }
    }

    /// <summary>
    /// Sign-up and comment forms come as runs of short lines: telling phrases ("Thank you for signing up",
    /// "Required fields are marked") mixed with bare UI words ("Close", "Click here"). A run is removed as
    /// one block when it holds enough telling phrases; bare UI words alone never start a block.
    /// </summary>
    private static void MarkForms(List<SourceLine> lines)
    {
        int block = 0;
        MarkRuns(lines, l => NoiseRules.SignUpStrength(l.Text, l.Words), RemovalReason.SignUpPrompt, "newsletter sign-up block", ref block,
            accept: (score, total) => score >= 3 || (score >= 2 && total >= 2));
        MarkRuns(lines, l => NoiseRules.CommentStrength(l.Text, l.Words), RemovalReason.CommentSection, "comment section or comment form", ref block,
            accept: (score, _) => score >= 2);
    }

    private static void MarkRuns(List<SourceLine> lines, Func<SourceLine, int> strength, RemovalReason reason, string what, ref int block, Func<int, int, bool> accept)
    {
        int i = 0;
        while (i < lines.Count)
        {
            if (lines[i].IsRemoved || strength(lines[i]) == 0)
            {
                i++;
                continue;
            }
            // A telling phrase scores 2 (3 when it holds two phrases); a bare UI word only extends the run.
            int j = i, score = 0, phrases = 0;
            while (j < lines.Count && !lines[j].IsRemoved && strength(lines[j]) is var s && s > 0)
            {
                if (s >= 2)
                {
                    score += s;
                    phrases++;
                }
                j++;
            }
            if (phrases > 0 && accept(score, j - i))
            {
                string detail = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{what}: {j - i} line(s), {phrases} telling phrase(s)");
                for (int k = i; k < j; k++) lines[k].Remove(reason, detail, block);
                block++;
            }
            i = j;
        }
    }

    private static void CutInlinePrompts(SourceLine line)
    {
        var m = NoiseRules.InlineSubscription(line.Text);
        if (!m.Success) return;
        int from = line.Start + m.Index, to = line.Start + m.Index + m.Length;
        // "… on Friday. (click here to subscribe)." — the dot after the prompt is the prompt's own when the text before already ended.
        var before = line.Text.AsSpan(0, m.Index);
        int after = m.Index + m.Length;
        if (after < line.Text.Length && line.Text[after] == '.' && LineFeatures.EndsSentence(before)) to++;
        if (line.Text.AsSpan(0, m.Index).IsWhiteSpace() && line.Text.AsSpan(after).Trim().Length <= 1)
        {
            line.Remove(RemovalReason.Subscription, "subscription call to action");
            return;
        }
        line.Excisions.Add(new Excision(new TextSpan(from, to), RemovalReason.Subscription, "inline subscription call to action"));
    }

    /// <summary>
    /// Reads the block above the first body paragraph: masthead, headline (split from a translation on the
    /// same line), repeats of the headline, translations, subtitle. Returns the ordinal of the first body line.
    /// </summary>
    private static int MarkHeader(string raw, List<SourceLine> lines, List<MetadataCandidate> candidates, HashSet<string> seen)
    {
        var header = new List<SourceLine>();
        int firstBody = lines.Count;
        for (int i = 0; i < Math.Min(lines.Count, HeaderScanLines); i++)
        {
            var l = lines[i];
            if (l.IsRemoved) continue;
            if (IsBodyLine(l))
            {
                firstBody = i;
                break;
            }
            header.Add(l);
        }
        if (firstBody == lines.Count && header.Count == lines.Count(l => l.IsKept) && header.Count > 0)
        {
            // No line looks like prose: the header block is the first line only; the rest is body.
            firstBody = header.Count > 1 ? header[1].Ordinal : lines.Count;
            header.RemoveRange(1, header.Count - 1);
        }
        if (header.Count == 0) return firstBody;

        int k = 0;
        if (header.Count >= 2 && MetadataLines.IsMastheadShaped(header[0].Text))
        {
            var name = header[0].Text;
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool credited = raw.Contains("/" + name + ")", StringComparison.Ordinal) || raw.Contains("/ " + name + ")", StringComparison.Ordinal);
            if (Array.TrueForAll(words, _sectionWords.Contains))
            {
                header[0].Remove(RemovalReason.Navigation, "section label above the headline");
                k = 1;
            }
            else if (CueLexicon.HasOutletWord(name) || credited)
            {
                var span = new TextSpan(header[0].Start, header[0].End);
                candidates.Add(new(MetadataField.Outlet, name, MetadataSource.TextCue, credited ? 0.85 : 0.7, name, span));
                header[0].Remove(RemovalReason.Metadata, credited ? "masthead (outlet name, also in a photo credit)" : "masthead (outlet name above the headline)");
                k = 1;
            }
        }

        var headline = header[k];
        var text = headline.Text;
        int cut = LineFeatures.ScriptSwitch(text);
        var head = cut > 0 ? text[..cut].TrimEnd() : text;
        var title = head;
        var laterKeys = new HashSet<string>(header.Skip(k + 1).Select(l => LineFeatures.Key(l.Text)), StringComparer.Ordinal);
        foreach (var l in lines.Skip(firstBody)) if (l.Words >= 3) laterKeys.Add(LineFeatures.Key(l.Text));

        int colon = head.IndexOf(": ", StringComparison.Ordinal);
        if (colon is > 0 and <= 40 && LineFeatures.CountWords(head.AsSpan(0, colon)) <= 3)
        {
            var prefix = head[..colon].Trim();
            var rest = head[(colon + 2)..].Trim();
            bool repeated = laterKeys.Contains(LineFeatures.Key(rest));
            bool knownOutlet = candidates.Exists(c => c.Field == MetadataField.Outlet && string.Equals(c.Value, prefix, StringComparison.OrdinalIgnoreCase));
            if ((repeated || knownOutlet) && !_kickers.Contains(prefix))
            {
                title = rest;
                candidates.Add(new(MetadataField.Outlet, prefix, MetadataSource.TextCue, 0.6, head, new TextSpan(headline.Start, headline.Start + colon)));
            }
        }
        bool titleRepeated = laterKeys.Contains(LineFeatures.Key(title)) || laterKeys.Contains(LineFeatures.Key(head));
        candidates.Add(new(MetadataField.Title, title, MetadataSource.TextCue, titleRepeated ? 0.85 : 0.75, head,
            new TextSpan(headline.Start, headline.Start + head.Length)));
        seen.Add(LineFeatures.Key(head));
        seen.Add(LineFeatures.Key(title));
        if (cut > 0)
        {
            headline.Excisions.Add(new Excision(new TextSpan(headline.Start, headline.Start + head.Length), RemovalReason.Metadata, "headline (its translation on the same line stays)"));
            seen.Add(LineFeatures.Key(text.AsSpan(cut)));
        }
        else
        {
            headline.Remove(RemovalReason.Metadata, "headline");
        }

        var headScript = LineFeatures.DominantScript(head);
        bool subtitle = false;
        foreach (var l in header.Skip(k + 1))
        {
            var key = LineFeatures.Key(l.Text);
            if (seen.Contains(key))
            {
                l.Remove(RemovalReason.Repeated, "repeats the headline");
            }
            else if (LineFeatures.DominantScript(l.Text) != headScript)
            {
                seen.Add(key);
            }
            else if (!subtitle && l.Words >= 4)
            {
                candidates.Add(new(MetadataField.Subtitle, l.Text, MetadataSource.TextCue, 0.55, l.Text, new TextSpan(l.Start, l.End)));
                l.Remove(RemovalReason.Metadata, "subtitle");
                seen.Add(key);
                subtitle = true;
            }
        }
        return firstBody;
    }

    private static bool IsBodyLine(SourceLine line) =>
        (LineFeatures.EndsSentence(line.Text) && line.Words >= 6) || line.Words >= 30;

    /// <summary>A kept line that ends without final punctuation and is followed by a kept line starting in lower case is one sentence.</summary>
    private static void RejoinBrokenSentences(List<SourceLine> lines)
    {
        SourceLine? previous = null;
        foreach (var line in lines)
        {
            if (line.IsRemoved) continue;
            if (previous is not null && !LineFeatures.EndsWithTerminal(previous.Text) && LineFeatures.StartsLower(line.Text)
                && previous.Words >= 3)
                line.ContinuesPrevious = true;
            previous = line;
        }
    }

    private static void MarkTeasersAndRepeats(string raw, List<SourceLine> lines, int firstBody, HashSet<string> seen)
    {
        bool bodyStarted = false;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsRemoved) continue;
            if (i >= firstBody && IsBodyLine(line)) bodyStarted = true;
            var key = LineFeatures.Key(line.KeptText(raw));
            var next = NextKept(lines, i);
            bool joined = line.ContinuesPrevious || next?.ContinuesPrevious == true;
            if (key.Length >= MinRepeatedKeyLength && seen.Contains(key) && i >= firstBody)
            {
                line.Remove(RemovalReason.Repeated, "repeats an earlier line");
                if (next is not null) next.ContinuesPrevious = false;
                continue;
            }
            if (bodyStarted && !joined && i > firstBody && NoiseRules.ClassifyTeaser(line.Text, line.Words) is { } verdict)
            {
                line.Remove(verdict.Reason, verdict.Detail);
                continue;
            }
            seen.Add(key);
        }
    }

    private static SourceLine? NextKept(List<SourceLine> lines, int i)
    {
        for (int j = i + 1; j < lines.Count; j++) if (lines[j].IsKept) return lines[j];
        return null;
    }

    private static ImmutableArray<MetadataCandidate> Merge(List<MetadataCandidate> candidates)
    {
        var merged = new List<MetadataCandidate>();
        foreach (var c in candidates)
        {
            int at = merged.FindIndex(m => m.Field == c.Field && m.Source == c.Source && string.Equals(m.Value, c.Value, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                merged.Add(c);
                continue;
            }
            var m = merged[at];
            double combined = 1 - ((1 - m.Confidence) * (1 - c.Confidence));
            merged[at] = m with { Confidence = Math.Round(Math.Min(MergedCap, Math.Max(combined, m.Confidence)), 3) };
        }
        return [.. merged];
    }
}
