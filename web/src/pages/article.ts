import { api, type ArticleDetail } from "../api";
import { type Annotation, annotationKinds, kindLabels, readAnnotations, segment } from "../annotations";
import { h, link, note, section, table } from "../dom";

/** The article page (#/article/{id}): metadata, highlighted clean text, the original input and the removed noise. */
export async function articlePage(root: HTMLElement, id: string): Promise<void> {
  const [article, raw] = await Promise.all([api.article(id), api.articleRaw(id).catch(() => null)]);
  const chosen = article.metadata.chosen;
  const title = chosen["title"]?.value ?? article.sourceId;
  const text = article.text ?? "";
  const annotations = readAnnotations(article.layers, text.length);

  root.replaceChildren(
    h("h1", { "data-testid": "article-title" }, title),
    metadataLine(article),
    section("Cleaned text", "clean", legend(annotations), highlighted(text, annotations)),
    section("Removed noise", "removed", removedView(article)),
    section(
      "Original input",
      "original",
      h("p", { class: "muted" }, `As received (${raw?.kind ?? article.kind}), shown as plain text; markup is not interpreted.`),
      h("pre", { class: "original", "data-testid": "original-text" }, raw?.raw ?? "(the raw input is not available)"),
    ),
  );
}

function metadataLine(article: ArticleDetail): HTMLElement {
  const m = article.metadata.chosen;
  const parts: (Node | string)[] = [];
  const add = (label: string, v: string | undefined) => {
    if (v) parts.push(h("span", { class: "meta" }, h("span", { class: "muted" }, label + ": "), v));
  };
  add("Outlet", m["outlet"]?.value);
  add("Published", m["published"]?.value);
  add("Author", m["author"]?.value);
  add("Language", m["language"]?.value);
  const url = m["url"]?.value;
  if (url) parts.push(h("span", { class: "meta" }, h("span", { class: "muted" }, "URL: "), h("a", { href: url, class: "external", rel: "noopener noreferrer nofollow" }, url)));
  if (article.storyId) parts.push(h("span", { class: "meta" }, h("span", { class: "muted" }, "Story: "), link(article.storyId, "story", article.storyId)));
  if (article.duplicateOf) parts.push(h("span", { class: "meta" }, "Duplicate of ", link(article.duplicateOf.slice(0, 10), "article", article.duplicateOf)));
  return h("p", { class: "meta-line" }, ...parts);
}

/** Counts per kind, each a checkbox that shows or hides that kind's highlights. */
function legend(annotations: readonly Annotation[]): HTMLElement {
  const box = h("div", { class: "legend", "data-testid": "legend" });
  for (const kind of annotationKinds) {
    const n = annotations.filter((a) => a.kind === kind).length;
    const input = h("input", { type: "checkbox" });
    input.checked = true;
    input.disabled = n === 0;
    input.addEventListener("change", () => {
      document.querySelector(".article-text")?.classList.toggle("hide-" + kind, !input.checked);
    });
    box.appendChild(h("label", { class: "legend-item ann-" + kind + (n === 0 ? " muted" : "") }, input, ` ${kindLabels[kind]} (${n})`));
  }
  return box;
}

/** The clean text with one <mark> per segment covered by highlights; all text goes in as text nodes. */
function highlighted(text: string, annotations: readonly Annotation[]): HTMLElement {
  const container = h("div", { class: "article-text", "data-testid": "article-text" });
  if (!text) {
    container.appendChild(note("This article has no clean text."));
    return container;
  }
  for (const s of segment(annotations, text.length)) {
    const piece = text.slice(s.start, s.end);
    if (s.covering.length === 0) {
      container.appendChild(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(s.covering.map((a) => a.kind))];
    const mark = h("mark", { class: "ann " + kinds.map((k) => "ann-" + k).join(" "), title: s.covering.map((a) => a.label).join("\n"), "data-kind": kinds.join(" ") }, piece);
    container.appendChild(mark);
  }
  return container;
}

function removedView(article: ArticleDetail): HTMLElement {
  const removed = article.removed ?? [];
  if (removed.length === 0) return note(article.removed === null ? "This article was not cleaned." : "Cleaning removed nothing.");
  return table(
    ["Reason", "Removed text", "Why"],
    removed.map((r) => [h("span", { class: "tag" }, r.reason), h("span", { class: "removed-text" }, r.text), r.detail ?? ""]),
    "removed-table",
  );
}
