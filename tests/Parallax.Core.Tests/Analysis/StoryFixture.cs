using System.Collections.Immutable;
using Parallax.Core.Analysis;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Tokens;
using Parallax.Testing;
using Parallax.Text;

namespace Parallax.Core.Tests.Analysis;

/// <summary>Builds one invented article with hand-made event, quote and quantity layers, located by the words they cover.</summary>
internal sealed class StoryFixture
{
    private readonly string _id;
    private readonly string? _outlet;
    private readonly DateOnly? _published;
    private readonly string _text;
    private readonly ImmutableArray<TextSpan> _sentences;
    private readonly List<EventMention> _events = [];
    private readonly List<Quote> _quotes = [];
    private readonly List<Quantity> _quantities = [];

    public StoryFixture(string id, string? outlet, string? published, string text)
    {
        _id = id;
        _outlet = outlet;
        _published = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        _text = text;
        // Sentences end at ". " or at the end of the text.
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                spans.Add(new TextSpan(start, i + 1));
                start = i + 2;
            }
        }
        if (start < text.Length) spans.Add(new TextSpan(start, text.Length));
        _sentences = spans.ToImmutable();
    }

    public TextSpan Span(string words, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = _text.IndexOf(words, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{words}' not in the fixture text");
        }
        return new TextSpan(at, at + words.Length);
    }

    public TextSpan SentenceOf(TextSpan span) => _sentences.First(s => s.Start <= span.Start && span.Start < s.End);

    public EventParticipant Actor(string words, string? actorId = null, int occurrence = 0) => new(Span(words, occurrence), words, actorId, actorId is null ? null : "actor:" + actorId);

    public StoryFixture Event(string trigger, string type, EventParticipant? source = null, EventParticipant? target = null,
        EventModality modality = EventModality.Asserted, string? happened = null, string? mode = null, string? place = null,
        Speaker? attributedTo = null, string? lemma = null)
    {
        var span = Span(trigger);
        var sentence = SentenceOf(span);
        var reported = _published is { } p ? new EventDate(p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, "publication") : null;
        _events.Add(new EventMention(
            "e" + (_events.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            span, lemma ?? trigger.ToLowerInvariant(), sentence, type, mode, null, source, target,
            place is null ? null : new EventPlace(Span(place), place, null, null, null, null),
            new EventDates(reported, happened is null ? null : new EventDate(happened, null, "test"), null),
            modality, attributedTo, 0.8, [sentence]));
        return this;
    }

    public StoryFixture Quantity(string words, double low, double high, QuantityBound bound, string unit, string? holder = null, string? reference = null, string? measured = null)
    {
        var span = Span(words);
        _quantities.Add(new Quantity("n" + (_quantities.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            span, SentenceOf(span), low, high, bound, unit, low, null, measured, null, reference, holder, 0.9));
        return this;
    }

    public StoryFixture Quote(string content, string speaker, SourceKind kind = SourceKind.Named)
    {
        var span = Span(content);
        var sentence = SentenceOf(span);
        _quotes.Add(new Quote("q" + (_quotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            span, [span], null, QuoteKind.Direct, new Speaker(null, speaker, null, null, kind, "test"), [sentence], 0.9));
        return this;
    }

    public StoryArticle Build()
    {
        var builder = new DocumentBuilder().From(_id + ".txt").Paragraph(_text);
        if (_outlet is not null) builder.Meta(MetadataField.Outlet, _outlet);
        var doc = builder.Build();
        doc.Set(TokenLayers.Sentences, _sentences);
        doc.Set(EventLayers.Events, [.. _events.OrderBy(e => e.Trigger.Start)]);
        doc.Set(QuoteLayers.Quotes, [.. _quotes.OrderBy(q => q.Content.Start)]);
        doc.Set(QuantityLayers.Quantities, [.. _quantities.OrderBy(q => q.Span.Start)]);
        return new StoryArticle(_id, _outlet, _published, doc);
    }
}
