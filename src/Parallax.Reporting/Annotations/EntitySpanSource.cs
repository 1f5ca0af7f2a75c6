using Parallax.Core.Articles;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Ner;

namespace Parallax.Reporting.Annotations;

/// <summary>Highlights entity mentions in the article view: one class per type, the linked actor in the tooltip.</summary>
internal sealed class EntitySpanSource(ActorKnowledgeBase knowledgeBase) : ISpanAnnotationSource
{
    public string Name => "entities";

    public string Stylesheet => """
        .ent { border-bottom: 2px solid var(--line); }
        .ent-person { border-bottom-color: #8250df; }
        .ent-organisation { border-bottom-color: #1a7f37; }
        .ent-location { border-bottom-color: #0969da; }
        .ent-norp { border-bottom-style: dotted; border-bottom-color: #9a6700; }
        .ent-other { border-bottom-style: dashed; }
        .ent-unlinked { border-bottom-style: dashed; }
        """;

    public IEnumerable<SpanAnnotation> Annotate(ArticleRecord article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!article.Document.TryGet(EntityLayers.Mentions, out var mentions)) yield break;
        foreach (var m in mentions)
        {
            var type = m.Type.ToString().ToLowerInvariant();
            var actor = m.ActorId is null ? null : knowledgeBase.Find(m.ActorId);
            var css = "ent ent-" + type + (m.ActorId is null ? " ent-unlinked" : string.Empty);
            var title = actor is null
                ? $"{type}, not in the knowledge base (identity {m.ClusterKey ?? "none"}), confidence {ReportText.Number(m.Confidence)}"
                : $"{type}: {actor.Name} ({actor.Id}), link {m.LinkReason} {ReportText.Number(m.LinkConfidence)}, confidence {ReportText.Number(m.Confidence)}";
            yield return new SpanAnnotation(m.Span, css, title);
        }
    }
}
