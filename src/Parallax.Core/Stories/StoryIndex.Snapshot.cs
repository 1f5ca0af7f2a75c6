using System.Collections.Immutable;
using System.Text;

namespace Parallax.Core.Stories;

public sealed partial class StoryIndex
{
    private const int FormatVersion = 2;

    /// <summary>The first format: no background prior, no name rule, no per-term name counts.</summary>
    private const int FormatVersion1 = 1;
    private static ReadOnlySpan<byte> Magic => "PXSI"u8;

    /// <summary>
    /// A compact binary snapshot of the whole index: "PXSI", a format version (2), the options, and the state.
    /// The same index state always gives the same bytes. LSH buckets and the inverted story index are not
    /// stored; <see cref="Load"/> rebuilds them in the same order.
    /// </summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write7BitEncodedInt(FormatVersion);
            WriteOptions(w, _options);

            w.Write7BitEncodedInt(_terms.Count);
            for (var i = 0; i < _terms.Count; i++)
            {
                w.Write(_terms[i]);
                w.Write7BitEncodedInt(_documentFrequency[i]);
                w.Write7BitEncodedInt(_nameFrequency[i]);
            }

            w.Write7BitEncodedInt(_documentCount);

            w.Write7BitEncodedInt(_stories.Count);
            foreach (var story in _stories)
            {
                w.Write(story.Id);
                WriteInts(w, story.Members);
                w.Write7BitEncodedInt(story.TermIds.Length);
                for (var i = 0; i < story.TermIds.Length; i++)
                {
                    w.Write7BitEncodedInt(story.TermIds[i]);
                    w.Write(story.Mass[i]);
                }

                WriteNullableLong(w, story.MinTicks);
                WriteNullableLong(w, story.MaxTicks);
                WriteNullableString(w, story.Title);
            }

            w.Write7BitEncodedInt(_articleIds.Count);
            for (var i = 0; i < _articleIds.Count; i++)
            {
                var d = _decisions[i];
                w.Write(_articleIds[i]);
                w.Write7BitEncodedInt(_articleStory[i]);
                w.Write(d.NewStory);
                w.Write(d.Score);
                WriteNullableString(w, d.DuplicateOf);
                w.Write(d.DuplicateSimilarity);
                w.Write7BitEncodedInt(d.KeyTerms.Length);
                foreach (var t in d.KeyTerms) w.Write(t);
            }

            var exact = _exact.OrderBy(e => e.Key).ToArray();
            w.Write7BitEncodedInt(exact.Length);
            foreach (var (key, entry) in exact)
            {
                w.Write((ulong)(key >> 64));
                w.Write((ulong)key);
                w.Write7BitEncodedInt(entry.Canonical);
                w.Write(entry.Similarity);
            }

            w.Write7BitEncodedInt(_canonicals.Count);
            foreach (var c in _canonicals)
            {
                w.Write7BitEncodedInt(c.Article);
                foreach (var v in c.Signature) w.Write(v);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Restores an index from <see cref="Save"/> output, with the options it was saved with. Format 1 snapshots (written
    /// before the background prior and the name rule existed) load with <see cref="StoryIndexOptions.BackgroundWeight"/>
    /// 0 and the name rule off, so they continue exactly as they were built; replay the stored articles into a fresh
    /// index to get the current matching.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The bytes are not a story index snapshot (PX2301), come from an unsupported format version (PX2302), or are
    /// truncated or inconsistent (PX2303). Rebuild the index by replaying the stored articles in ingestion order.
    /// </exception>
    public static StoryIndex Load(ReadOnlySpan<byte> snapshot)
    {
        if (snapshot.Length < Magic.Length || !snapshot[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("PX2301: these bytes are not a story index snapshot; rebuild the index by replaying the stored articles.");
        }

        using var stream = new MemoryStream(snapshot.ToArray(), writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        r.ReadBytes(Magic.Length);
        try
        {
            var version = r.Read7BitEncodedInt();
            if (version != FormatVersion && version != FormatVersion1)
            {
                throw new InvalidDataException($"PX2302: story index snapshot format {version.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not supported (this build reads formats 1 and 2); rebuild the index by replaying the stored articles.");
            }

            var options = ReadOptions(r, version);
            options.Validate();
            var index = new StoryIndex(options);
            index.ReadState(r, version);
            if (stream.Position != stream.Length) throw Corrupt("trailing bytes after the snapshot");
            return index;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("PX2303: the story index snapshot is truncated; rebuild the index by replaying the stored articles.", e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException("PX2303: the story index snapshot holds invalid options; rebuild the index by replaying the stored articles.", e);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("PX2303: the story index snapshot is corrupt; rebuild the index by replaying the stored articles.", e);
        }
    }

    private void ReadState(BinaryReader r, int version)
    {
        var termCount = ReadCount(r);
        for (var i = 0; i < termCount; i++)
        {
            var term = r.ReadString();
            if (!_vocabulary.TryAdd(term, i)) throw Corrupt("a term appears twice");
            _terms.Add(term);
            _documentFrequency.Add(r.Read7BitEncodedInt());
            _priorFrequency.Add(PriorOf(term));
            _nameFrequency.Add(version == FormatVersion1 ? 0 : r.Read7BitEncodedInt());
        }

        _documentCount = r.Read7BitEncodedInt();

        var storyCount = ReadCount(r);
        for (var s = 0; s < storyCount; s++)
        {
            var story = new Story(r.ReadString());
            story.Members.AddRange(ReadInts(r));
            var n = ReadCount(r);
            story.TermIds = new int[n];
            story.Mass = new double[n];
            for (var i = 0; i < n; i++)
            {
                story.TermIds[i] = CheckIndex(r.Read7BitEncodedInt(), termCount);
                story.Mass[i] = r.ReadDouble();
                AddPosting(story.TermIds[i], s);
            }

            story.MinTicks = ReadNullableLong(r);
            story.MaxTicks = ReadNullableLong(r);
            story.Title = ReadNullableString(r);
            if (!_storyIds.Add(story.Id)) throw Corrupt("a story id appears twice");
            _stories.Add(story);
        }

        var articleCount = ReadCount(r);
        for (var i = 0; i < articleCount; i++)
        {
            var id = r.ReadString();
            var story = CheckIndex(r.Read7BitEncodedInt(), storyCount);
            var opened = r.ReadBoolean();
            var score = r.ReadDouble();
            var duplicateOf = ReadNullableString(r);
            var duplicateSimilarity = r.ReadDouble();
            var keyTermCount = ReadCount(r);
            var keyTerms = ImmutableArray.CreateBuilder<string>(keyTermCount);
            for (var k = 0; k < keyTermCount; k++) keyTerms.Add(r.ReadString());
            if (!_articleOrdinal.TryAdd(id, i)) throw Corrupt("an article id appears twice");
            _articleIds.Add(id);
            _articleStory.Add(story);
            _decisions.Add(new StoryDecision(_stories[story].Id, opened, score, duplicateOf, duplicateSimilarity, keyTerms.MoveToImmutable()));
        }

        var exactCount = ReadCount(r);
        for (var i = 0; i < exactCount; i++)
        {
            var hi = r.ReadUInt64();
            var lo = r.ReadUInt64();
            var canonical = CheckIndex(r.Read7BitEncodedInt(), articleCount);
            _exact.Add(new UInt128(hi, lo), new ExactEntry(canonical, r.ReadDouble()));
        }

        var canonicalCount = ReadCount(r);
        for (var i = 0; i < canonicalCount; i++)
        {
            var article = CheckIndex(r.Read7BitEncodedInt(), articleCount);
            var signature = new uint[_options.SignatureLength];
            for (var k = 0; k < signature.Length; k++) signature[k] = r.ReadUInt32();
            RegisterCanonical(article, signature);
        }

        foreach (var story in _stories)
        {
            foreach (var m in story.Members) CheckIndex(m, articleCount);
        }
    }

    private static void WriteOptions(BinaryWriter w, StoryIndexOptions o)
    {
        w.Write(o.StoryThreshold);
        w.Write(o.NearDuplicateThreshold);
        w.Write7BitEncodedInt(o.ShingleSize);
        w.Write7BitEncodedInt(o.Bands);
        w.Write7BitEncodedInt(o.RowsPerBand);
        w.Write7BitEncodedInt(o.CentroidTerms);
        w.Write7BitEncodedInt(o.CandidateTerms);
        w.Write(o.TitleBoost);
        w.Write(o.NameBoost);
        WriteNullableLong(w, o.RecencyHalfLife?.Ticks);
        w.Write7BitEncodedInt(o.KeyTermCount);
        w.Write(o.BackgroundWeight);
        w.Write(o.NameMatchThreshold);
        w.Write(o.NameOverlapThreshold);
        w.Write7BitEncodedInt(o.MinSharedNames);
    }

    private static StoryIndexOptions ReadOptions(BinaryReader r, int version)
    {
        var threshold = r.ReadDouble();
        var nearDuplicate = r.ReadDouble();
        var shingle = r.Read7BitEncodedInt();
        var bands = r.Read7BitEncodedInt();
        var rows = r.Read7BitEncodedInt();
        var centroid = r.Read7BitEncodedInt();
        var candidates = r.Read7BitEncodedInt();
        var titleBoost = r.ReadDouble();
        var nameBoost = r.ReadDouble();
        var halfLife = ReadNullableLong(r);
        var keyTerms = r.Read7BitEncodedInt();
        var v1 = version == FormatVersion1;
        var backgroundWeight = v1 ? 0 : r.ReadDouble();
        var nameMatch = v1 ? threshold : r.ReadDouble();
        var nameOverlap = v1 ? StoryIndexOptions.Default.NameOverlapThreshold : r.ReadDouble();
        var minShared = v1 ? StoryIndexOptions.Default.MinSharedNames : r.Read7BitEncodedInt();
        return new StoryIndexOptions
        {
            BackgroundWeight = backgroundWeight,
            NameMatchThreshold = nameMatch,
            NameOverlapThreshold = nameOverlap,
            MinSharedNames = minShared,
            StoryThreshold = threshold,
            NearDuplicateThreshold = nearDuplicate,
            ShingleSize = shingle,
            Bands = bands,
            RowsPerBand = rows,
            CentroidTerms = centroid,
            CandidateTerms = candidates,
            TitleBoost = titleBoost,
            NameBoost = nameBoost,
            RecencyHalfLife = halfLife is { } t ? TimeSpan.FromTicks(t) : null,
            KeyTermCount = keyTerms,
        };
    }

    private static void WriteInts(BinaryWriter w, List<int> values)
    {
        w.Write7BitEncodedInt(values.Count);
        foreach (var v in values) w.Write7BitEncodedInt(v);
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[ReadCount(r)];
        for (var i = 0; i < values.Length; i++) values[i] = r.Read7BitEncodedInt();
        return values;
    }

    private static void WriteNullableLong(BinaryWriter w, long? value)
    {
        w.Write(value.HasValue);
        if (value.HasValue) w.Write(value.Value);
    }

    private static long? ReadNullableLong(BinaryReader r) => r.ReadBoolean() ? r.ReadInt64() : null;

    private static void WriteNullableString(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? ReadNullableString(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static int ReadCount(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        return n >= 0 && n <= r.BaseStream.Length - r.BaseStream.Position ? n : throw Corrupt("a count is larger than the snapshot");
    }

    private static int CheckIndex(int value, int count) =>
        value >= 0 && value < count ? value : throw Corrupt("an index points outside its table");

    private static InvalidDataException Corrupt(string what) =>
        new($"PX2303: the story index snapshot is corrupt ({what}); rebuild the index by replaying the stored articles.");
}
