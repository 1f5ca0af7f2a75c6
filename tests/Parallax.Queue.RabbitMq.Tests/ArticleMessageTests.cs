using System.Collections.Immutable;
using System.Text;
using Parallax.Core.Queue;
using Parallax.Nlp.Documents;

namespace Parallax.Queue.RabbitMq.Tests;

public sealed class ArticleMessageTests
{
    private static DocumentSource Source() => new(
        "feeds/wire.xml#3", ContentKind.Html, "<p>Talks resumed in Velsk on Tuesday.</p>",
        [new MetadataCandidate(MetadataField.Title, "Talks resume", MetadataSource.Feed, 0.9, "item title")], "windows-1252");

    [Fact]
    public void Deserialize_SerializedSource_ReturnsEqualSource()
    {
        // Given a source with metadata and a non-default encoding
        var source = Source();

        // When it goes through a message and back
        var back = ArticleMessage.Deserialize(ArticleMessage.Serialize(source));

        // Then every field survives, and so does the content hash
        Assert.Equal(source.SourceId, back.SourceId);
        Assert.Equal(source.Kind, back.Kind);
        Assert.Equal(source.Raw, back.Raw);
        Assert.Equal(source.Encoding, back.Encoding);
        Assert.Equal(source.Metadata.AsEnumerable(), back.Metadata.AsEnumerable());
        Assert.Equal(source.ContentHash, back.ContentHash);
    }

    [Fact]
    public void Serialize_SameSourceTwice_SameBytes()
    {
        // Given / When the same source is serialised twice
        var a = ArticleMessage.Serialize(Source());
        var b = ArticleMessage.Serialize(Source());

        // Then the bytes are identical
        Assert.Equal(a, b);
    }

    [Fact]
    public void Deserialize_RawTextAltered_ThrowsPX3702()
    {
        // Given a message whose raw text was changed after it was written
        var json = Encoding.UTF8.GetString(ArticleMessage.Serialize(Source())).Replace("Tuesday", "Friday", StringComparison.Ordinal);

        // When it is read
        var ex = Assert.Throws<ArticleMessageException>(() => ArticleMessage.Deserialize(Encoding.UTF8.GetBytes(json)));

        // Then the content hash check refuses it
        Assert.Equal(3702, ex.Code);
        Assert.StartsWith("PX3702", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"format\":\"other/9\"}")]
    [InlineData("{\"format\":\"parallax.article/1\",\"contentHash\":\"x\",\"sourceId\":\"a\",\"kind\":\"Pdf\",\"encoding\":\"utf-8\",\"raw\":\"r\"}")]
    [InlineData("{\"format\":\"parallax.article/1\",\"contentHash\":\"x\",\"sourceId\":\"a\",\"kind\":\"PlainText\",\"encoding\":\"utf-8\"}")]
    public void Deserialize_NotAnArticleMessage_ThrowsPX3701(string body)
    {
        // Given a body that is not a well-formed article message
        // When it is read
        var ex = Assert.Throws<ArticleMessageException>(() => ArticleMessage.Deserialize(Encoding.UTF8.GetBytes(body)));

        // Then it is refused as unreadable
        Assert.Equal(3701, ex.Code);
    }

    [Fact]
    public void Deserialize_NoMetadataField_EmptyMetadata()
    {
        // Given a minimal valid message without metadata
        var raw = "Plain text.";
        var body = $"{{\"format\":\"parallax.article/1\",\"contentHash\":\"{DocumentSource.HashOf(raw)}\",\"sourceId\":\"a.txt\",\"kind\":\"PlainText\",\"encoding\":\"utf-8\",\"raw\":\"{raw}\"}}";

        // When it is read
        var source = ArticleMessage.Deserialize(Encoding.UTF8.GetBytes(body));

        // Then it has no metadata candidates
        Assert.Equal(ImmutableArray<MetadataCandidate>.Empty.AsEnumerable(), source.Metadata.AsEnumerable());
    }
}
