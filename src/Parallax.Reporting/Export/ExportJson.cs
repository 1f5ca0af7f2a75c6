using System.Text.Json;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;

namespace Parallax.Reporting.Export;

/// <summary>Writes the story and document objects shared by the JSON and JSON Lines exports (docs/schema.md).</summary>
internal static class ExportJson
{
    public const string Schema = "parallax.export";
    public const int SchemaVersion = 1;

    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        Encoder = DocumentJson.Options.Encoder,
    };

    public static void WriteStory(Utf8JsonWriter w, StoryRecord story, bool typed)
    {
        w.WriteStartObject();
        if (typed) w.WriteString("type", "story");
        w.WriteString("id", story.Id);
        w.WriteString("label", story.Label);
        WriteStrings(w, "keyTerms", story.KeyTerms);
        WriteStrings(w, "articleIds", story.ArticleIds);
        w.WriteString("createdAt", ReportText.Iso(story.CreatedAt));
        w.WriteString("updatedAt", ReportText.Iso(story.UpdatedAt));
        w.WriteEndObject();
    }

    public static void WriteDocument(Utf8JsonWriter w, ArticleRecord article, bool typed)
    {
        var doc = article.Document;
        var o = DocumentJson.Options;
        w.WriteStartObject();
        if (typed) w.WriteString("type", "document");
        w.WriteString("id", article.Id);
        w.WriteString("sourceId", doc.Source.SourceId);
        w.WritePropertyName("kind");
        JsonSerializer.Serialize(w, doc.Source.Kind, o);
        w.WriteString("encoding", doc.Source.Encoding);
        w.WriteString("storyId", article.StoryId);
        w.WriteString("duplicateOf", article.DuplicateOf);
        if (article.DuplicateOf is null) w.WriteNull("duplicateSimilarity");
        else w.WriteNumber("duplicateSimilarity", article.DuplicateSimilarity);
        w.WriteString("ingestedAt", ReportText.Iso(article.IngestedAt));
        WriteMetadata(w, doc.Metadata);
        w.WriteString("raw", doc.Raw);

        var clean = ArticleFacts.Clean(article);
        w.WriteString("text", clean?.Text);
        w.WritePropertyName("paragraphs");
        if (clean is null) w.WriteNullValue();
        else JsonSerializer.Serialize(w, clean.Paragraphs, o);
        w.WritePropertyName("offsetMap");
        if (clean is null) w.WriteNullValue();
        else JsonSerializer.Serialize(w, clean.Map, o);
        w.WritePropertyName("removed");
        if (clean is null) w.WriteNullValue();
        else JsonSerializer.Serialize(w, clean.Removed, o);

        w.WriteStartObject("layers");
        // The clean layer is spread over text/paragraphs/offsetMap/removed above; every other layer goes here by name.
        foreach (var key in doc.LayerKeys.Where(k => !ReferenceEquals(k, Layers.Clean)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            w.WritePropertyName(key.Name);
            DocumentJson.WriteLayer(w, key, doc.GetUntyped(key)!, o);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter w, ArticleMetadata metadata)
    {
        var o = DocumentJson.Options;
        w.WriteStartObject("metadata");
        w.WriteStartObject("chosen");
        foreach (var c in metadata.Chosen)
        {
            w.WriteStartObject(JsonNamingPolicy.CamelCase.ConvertName(c.Field.ToString()));
            w.WriteString("value", c.Value);
            w.WritePropertyName("source");
            JsonSerializer.Serialize(w, c.Source, o);
            w.WriteNumber("confidence", c.Confidence);
            w.WriteString("evidence", c.Evidence);
            w.WritePropertyName("rawSpan");
            JsonSerializer.Serialize(w, c.RawSpan, o);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WritePropertyName("candidates");
        JsonSerializer.Serialize(w, metadata.Candidates, o);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, System.Collections.Immutable.ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        if (!values.IsDefault)
            foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
