import { api, type SearchHit } from "../api";
import { h, link, note, route, section, table } from "../dom";

const pageSize = 25;

/** Search-result snippets mark matches with [brackets]; turn them into <mark> elements (text nodes only). */
export function snippet(text: string): HTMLElement {
  const out = h("span", { class: "snippet" });
  const parts = text.split(/(\[[^\]]*\])/);
  for (const p of parts) {
    if (p.startsWith("[") && p.endsWith("]") && p.length > 2) out.appendChild(h("mark", null, p.slice(1, -1)));
    else if (p) out.appendChild(document.createTextNode(p));
  }
  return out;
}

/** The story list (#/ or #/stories?q=…&offset=…): stories filtered by label/terms, and full-text article hits. */
export async function storiesPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get("q") ?? "";
  const offset = Math.max(0, Number.parseInt(params.get("offset") ?? "0", 10) || 0);
  const input = h("input", { type: "search", name: "q", placeholder: "Search stories and articles", value: q, "aria-label": "Search" });
  const form = h("form", { class: "search", role: "search" }, input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = input.value.trim();
    location.hash = v ? "#/stories?" + new URLSearchParams({ q: v }).toString() : "#/";
  });
  root.replaceChildren(h("h1", null, "Stories"), form);

  const stories = await api.stories(q, offset, pageSize);
  const rows = stories.items.map((s) => [
    h("a", { href: route("story", s.id), class: "story-link" }, s.label),
    s.keyTerms.slice(0, 6).join(", "),
    String(s.articleCount),
    s.updatedAt.slice(0, 10),
  ]);
  const list = section(
    "Stories",
    "story-list",
    rows.length === 0 ? note(q ? `No story label or key term contains every word of "${q}".` : "No stories yet: ingest articles with POST /api/v1/articles or `parallax ingest`.") : table(["Story", "Key terms", "Articles", "Updated"], rows, "stories-table"),
  );
  const total = stories.total ?? 0;
  if (total > pageSize) {
    const pager = h("p", { class: "pager" });
    const at = (o: number) => "#/stories?" + new URLSearchParams(q ? { q, offset: String(o) } : { offset: String(o) }).toString();
    if (offset > 0) pager.appendChild(h("a", { href: at(Math.max(0, offset - pageSize)) }, "← newer"));
    pager.appendChild(document.createTextNode(` ${offset + 1}–${Math.min(total, offset + pageSize)} of ${total} `));
    if (offset + pageSize < total) pager.appendChild(h("a", { href: at(offset + pageSize) }, "older →"));
    list.appendChild(pager);
  }
  root.appendChild(list);

  if (q) {
    const hits = section("Matching articles", "article-hits", note("Searching…"));
    root.appendChild(hits);
    try {
      const page = await api.searchArticles(q, 20);
      hits.replaceChildren(
        h("h2", null, "Matching articles"),
        page.items.length === 0 ? note("No article matches.") : table(["Article", "Outlet", "Story", "Snippet"], page.items.map(hitRow), "hits-table"),
      );
    } catch (e) {
      hits.replaceChildren(h("h2", null, "Matching articles"), note(e instanceof Error ? e.message : String(e), "error"));
    }
  }
}

function hitRow(hit: SearchHit) {
  return [
    link(hit.title ?? hit.articleId, "article", hit.articleId),
    hit.outlet ?? "",
    hit.storyId ? link(hit.storyId, "story", hit.storyId) : "",
    snippet(hit.snippet),
  ];
}
