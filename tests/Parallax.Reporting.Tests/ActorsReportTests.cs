using System.Collections.Immutable;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Tokens;
using Parallax.Reporting.Annotations;
using Parallax.Testing;

namespace Parallax.Reporting.Tests;

public sealed class ActorsReportTests
{
    // Two invented reports from two outlets, spelling the same people differently.
    private static StoryView Story()
    {
        ArticleRecord Article(string source, string outlet, string text)
        {
            var doc = new DocumentBuilder().From(source).Paragraph(text)
                .Meta(MetadataField.Outlet, outlet).Meta(MetadataField.Published, "2018-06-20").Build();
            new TokenizationStage().Run(doc, CancellationToken.None);
            new EntityStage().Run(doc, CancellationToken.None);
            return new ArticleRecord(doc, "s-1", null, 0, new DateTimeOffset(2018, 6, 21, 0, 0, 0, TimeSpan.Zero));
        }

        var a = Article("a.txt", "Coast Courier", "Defense Minister Avigdor Liberman met Sergei Shoigu in Moscow. Liberman said Hezbollah must leave.");
        var b = Article("b.txt", "Valley Post", "Avigdor Lieberman told Vladimir Putin that Hizballah fighters were near the border.");
        var story = new StoryRecord("s-1", "talks", [a.Id, b.Id], ["talks"], a.IngestedAt, b.IngestedAt);
        return new StoryView(story, [a, b]);
    }

    private static string Render(Action<StoryReportWriter, StoryView, StringWriter> write)
    {
        var writer = new StoryReportWriter(EntityReporting.Register(ReportRegistry.CreateDefault()));
        using var output = new StringWriter();
        write(writer, Story(), output);
        return output.ToString();
    }

    [Fact]
    public void WriteMarkdown_TwoOutlets_ListsEachActorWithSpellingsPerOutlet()
    {
        // Given / When the Markdown report with the Actors section registered
        var markdown = Render((w, v, o) => w.WriteMarkdown(v, o));

        // Then one row per actor carries both outlets' spellings
        var row = Assert.Single(markdown.Split('\n'), l => l.Contains("(person:avigdor-lieberman)", StringComparison.Ordinal));
        Assert.Contains("Coast Courier: 2 (“Avigdor Liberman”, “Liberman”)", row, StringComparison.Ordinal);
        Assert.Contains("Valley Post: 1 (“Avigdor Lieberman”)", row, StringComparison.Ordinal);
        var group = Assert.Single(markdown.Split('\n'), l => l.Contains("(group:hezbollah)", StringComparison.Ordinal));
        Assert.Contains("“Hizballah”", group, StringComparison.Ordinal);
        Assert.Contains("## Actors", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_Article_HighlightsEachMentionWithItsActor()
    {
        // Given the first article
        var article = Story().Articles[0];
        var source = EntityReporting.Register(new ReportRegistry()).SpanSources.Single();

        // When annotated
        var annotations = source.Annotate(article).ToList();

        // Then every mention is highlighted with its type class and the linked actor in the tooltip
        var mentions = article.Document.Get(EntityLayers.Mentions);
        Assert.Equal(mentions.Length, annotations.Count);
        var liberman = Assert.Single(annotations, a => a.Span.Of(article.Document.Text) == "Avigdor Liberman");
        Assert.Equal("ent ent-person", liberman.CssClass);
        Assert.Contains("Avigdor Lieberman (person:avigdor-lieberman)", liberman.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_Story_MarksEntitiesInTheArticleView()
    {
        // Given / When the HTML report
        var html = Render((w, v, o) => w.WriteHtml(v, o));

        // Then entity classes appear in the article text and the section is present
        Assert.Contains("class=\"ent ent-person\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"actors\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_Twice_Throws()
    {
        // Given a registry that already has the entity parts
        var registry = EntityReporting.Register(new ReportRegistry());

        // When / Then registering again is refused
        Assert.Throws<ArgumentException>(() => EntityReporting.Register(registry, ActorKnowledgeBase.LoadDefault()));
    }
}
