using System.Collections.Immutable;
using System.Text.Json;
using AngleSharp.Dom;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Reads metadata candidates from the page head and structure: &lt;meta&gt; tags, OpenGraph, JSON-LD (schema.org
/// articles), the canonical link, the document language, and the headline/byline/time elements.
/// </summary>
internal sealed class MetadataReader
{
    private const int MaxEvidence = 300;

    private static readonly string[] ArticleTypes =
        ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting",
         "LiveBlogPosting", "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "WebPage"];

    private readonly string _raw;
    private readonly Uri? _base;
    private readonly List<MetadataCandidate> _candidates = [];

    public MetadataReader(string raw, string? sourceUrl)
    {
        _raw = raw;
        _base = Uri.TryCreate(sourceUrl, UriKind.Absolute, out var u) ? u : null;
    }

    /// <summary>The schema.org articleBody text when a JSON-LD article carries one.</summary>
    public string? ArticleBody { get; private set; }

    public ImmutableArray<MetadataCandidate> Candidates => [.. _candidates];

    /// <summary>Reads the head-level sources (meta, OpenGraph, JSON-LD, canonical, lang).</summary>
    public void ReadHead(IDocument document)
    {
        if (document.DocumentElement?.GetAttribute("lang") is { } lang && LanguageOf(lang) is { } code)
            Add(MetadataField.Language, code, MetadataSource.HtmlMeta, 0.9, document.DocumentElement);

        foreach (var meta in document.GetElementsByTagName("meta"))
        {
            string? content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            string key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? string.Empty)
                .Trim().ToLowerInvariant();
            ReadMeta(key, content.Trim(), meta);
        }

        foreach (var link in document.GetElementsByTagName("link"))
        {
            string? rel = link.GetAttribute("rel");
            if (rel is not null && rel.Equals("canonical", StringComparison.OrdinalIgnoreCase) && Absolute(link.GetAttribute("href")) is { } url)
                Add(MetadataField.Url, url, MetadataSource.HtmlMeta, 0.95, link);
        }

        foreach (var script in document.GetElementsByTagName("script"))
        {
            string? type = script.GetAttribute("type");
            if (type is null || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            ReadJsonLd(script);
        }
    }

    private void ReadMeta(string key, string content, IElement meta)
    {
        switch (key)
        {
            case "author":
            case "article:author" when !content.StartsWith("http", StringComparison.OrdinalIgnoreCase):
            case "byl":
            case "sailthru.author":
                Add(MetadataField.Author, StripBy(content), key.StartsWith("article:", StringComparison.Ordinal) ? MetadataSource.OpenGraph : MetadataSource.HtmlMeta, 0.8, meta);
                break;
            case "description":
                Add(MetadataField.Subtitle, content, MetadataSource.HtmlMeta, 0.5, meta);
                break;
            case "date":
            case "pubdate":
            case "publish-date":
            case "publish_date":
            case "publishdate":
            case "dc.date":
            case "dc.date.issued":
            case "dcterms.created":
            case "article.published":
            case "datepublished":
            case "sailthru.date":
                AddDate(content, MetadataSource.HtmlMeta, meta);
                break;
            case "og:title":
            case "twitter:title":
                Add(MetadataField.Title, content, MetadataSource.OpenGraph, key[0] == 'o' ? 0.9 : 0.8, meta);
                break;
            case "og:site_name":
                Add(MetadataField.Outlet, content, MetadataSource.OpenGraph, 0.9, meta);
                break;
            case "og:description":
                Add(MetadataField.Subtitle, content, MetadataSource.OpenGraph, 0.6, meta);
                break;
            case "og:url":
                if (Absolute(content) is { } url) Add(MetadataField.Url, url, MetadataSource.OpenGraph, 0.9, meta);
                break;
            case "article:published_time":
            case "og:published_time":
            case "article:published":
                AddDate(content, MetadataSource.OpenGraph, meta);
                break;
            case "og:locale":
                if (LanguageOf(content) is { } code) Add(MetadataField.Language, code, MetadataSource.OpenGraph, 0.7, meta);
                break;
            default:
                break;
        }
    }

    private void ReadJsonLd(IElement script)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        }
        catch (JsonException)
        {
            // Malformed JSON-LD is common on real pages; the other sources still apply.
            return;
        }
        using (json)
        {
            var pending = new Stack<JsonElement>();
            pending.Push(json.RootElement);
            int visited = 0;
            while (pending.Count > 0 && visited++ < 10_000)
            {
                var e = pending.Pop();
                if (e.ValueKind == JsonValueKind.Array)
                {
                    for (int i = e.GetArrayLength() - 1; i >= 0; i--) pending.Push(e[i]);
                    continue;
                }
                if (e.ValueKind != JsonValueKind.Object) continue;
                if (e.TryGetProperty("@graph", out var graph)) pending.Push(graph);
                if (IsArticle(e)) ReadArticle(e, script);
            }
        }
    }

    private static bool IsArticle(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return Array.IndexOf(ArticleTypes, type.GetString()) >= 0;
        if (type.ValueKind != JsonValueKind.Array) return false;
        foreach (var t in type.EnumerateArray())
        {
            if (t.ValueKind == JsonValueKind.String && Array.IndexOf(ArticleTypes, t.GetString()) >= 0) return true;
        }
        return false;
    }

    private void ReadArticle(JsonElement e, IElement script)
    {
        bool isPage = e.GetProperty("@type").ValueKind == JsonValueKind.String
            && string.Equals(e.GetProperty("@type").GetString(), "WebPage", StringComparison.Ordinal);
        double confidence = isPage ? 0.6 : 0.9;
        if (Str(e, "headline") is { } headline) AddJson(MetadataField.Title, headline, confidence, "headline", script);
        if (Str(e, "datePublished") is { } published && DateValues.Normalize(published) is { } date)
            AddJson(MetadataField.Published, date, confidence, "datePublished", script, published);
        if (e.TryGetProperty("author", out var author))
        {
            foreach (var name in Names(author)) AddJson(MetadataField.Author, StripBy(name), confidence, "author", script, name);
        }
        if (e.TryGetProperty("publisher", out var publisher))
        {
            foreach (var name in Names(publisher)) AddJson(MetadataField.Outlet, name, confidence, "publisher.name", script, name);
        }
        string? url = Str(e, "url");
        if (url is null && e.TryGetProperty("mainEntityOfPage", out var main))
            url = main.ValueKind == JsonValueKind.String ? main.GetString() : Str(main, "@id");
        if (Absolute(url) is { } absolute) AddJson(MetadataField.Url, absolute, confidence, "url", script, url);
        if (!isPage && Str(e, "articleBody") is { Length: > 0 } body && (ArticleBody is null || body.Length > ArticleBody.Length))
            ArticleBody = body;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    private static IEnumerable<string> Names(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                if (!string.IsNullOrWhiteSpace(e.GetString())) yield return e.GetString()!.Trim();
                break;
            case JsonValueKind.Object:
                if (Str(e, "name") is { } name) yield return name;
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Array) continue;
                    foreach (var n in Names(item)) yield return n;
                }
                break;
            default:
                break;
        }
    }

    /// <summary>Records a headline, byline or time element found in the page body.</summary>
    public void AddStructure(MetadataField field, string text, IElement element, double confidence)
    {
        string value = field switch
        {
            MetadataField.Author => StripBy(text),
            MetadataField.Published => DateValues.Normalize(element.GetAttribute("datetime") ?? text) ?? string.Empty,
            _ => text,
        };
        if (value.Length == 0 || value.Length > 300) return;
        var span = SpanOf(element);
        _candidates.Add(new MetadataCandidate(field, value, MetadataSource.PageStructure, confidence, Clip(text), span));
    }

    private void AddDate(string content, MetadataSource source, IElement meta)
    {
        if (DateValues.Normalize(content) is { } date) Add(MetadataField.Published, date, source, 0.9, meta);
    }

    private void Add(MetadataField field, string value, MetadataSource source, double confidence, IElement element)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var span = SpanOf(element);
        string evidence = span is { } s ? Clip(s.Of(_raw)) : Clip(element.OuterHtml);
        _candidates.Add(new MetadataCandidate(field, value.Trim(), source, confidence, evidence, span));
    }

    private void AddJson(MetadataField field, string value, double confidence, string key, IElement script, string? rawValue = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        string evidence = Clip("\"" + key + "\": \"" + (rawValue ?? value) + "\"");
        _candidates.Add(new MetadataCandidate(field, value.Trim(), MetadataSource.JsonLd, confidence, evidence, SpanOf(script)));
    }

    /// <summary>The raw span of an element's start tag (the whole element for short ones), or null when implied.</summary>
    private TextSpan? SpanOf(IElement element)
    {
        int start = SourceAligner.StartOf(element);
        if (start < 0 || start >= _raw.Length) return null;
        int gt = _raw.IndexOf('>', start);
        return gt < 0 ? new TextSpan(start, _raw.Length) : new TextSpan(start, gt + 1);
    }

    private string? Absolute(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
            return abs.ToString();
        if (_base is not null && Uri.TryCreate(_base, url, out var rel)) return rel.ToString();
        return null;
    }

    private static string? LanguageOf(string tag)
    {
        string t = tag.Trim();
        int cut = t.IndexOfAny(['-', '_']);
        if (cut > 0) t = t[..cut];
        return t.Length is 2 or 3 && t.All(char.IsAsciiLetter) ? t.ToLowerInvariant() : null;
    }

    internal static string StripBy(string text)
    {
        string t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (t.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) t = t[3..].TrimStart();
        return t;
    }

    private static string Clip(string s) => s.Length <= MaxEvidence ? s : s[..MaxEvidence];
}
