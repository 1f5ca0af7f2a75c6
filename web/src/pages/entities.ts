import { api, type EntityMention } from "../api";
import { h, link, note, route, section, table } from "../dom";

/** The entity list (#/entities?q=…): most mentioned first. */
export async function entitiesPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get("q") ?? "";
  const input = h("input", { type: "search", name: "q", placeholder: "Filter entities by name", value: q, "aria-label": "Filter entities" });
  const form = h("form", { class: "search", role: "search" }, input, h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = "#/entities" + (input.value.trim() ? "?" + new URLSearchParams({ q: input.value.trim() }).toString() : "");
  });
  root.replaceChildren(h("h1", null, "Entities"), form);
  const page = await api.entities(q, 0, 200);
  root.appendChild(
    section(
      "Entities",
      "entity-list",
      page.items.length === 0
        ? note("No entities.")
        : table(
            ["Name", "Type", "Mentions", "Articles", "Outlets"],
            page.items.map((e) => [h("a", { href: route("entity", e.key) }, e.name), e.type, String(e.mentions), String(e.articles), e.outlets.join(", ")]),
            "entities-table",
          ),
    ),
  );
}

/** The entity page (#/entity/{key}): its names and every mention, grouped by outlet. */
export async function entityPage(root: HTMLElement, key: string): Promise<void> {
  const detail = await api.entity(key);
  const e = detail.entity;
  root.replaceChildren(
    h("h1", { "data-testid": "entity-name" }, e.name),
    h("p", { class: "muted" }, `${e.type}${e.actorId ? " · knowledge base: " + e.actorId : ""} · ${e.mentions} mentions in ${e.articles} articles from ${e.outlets.length} outlets · also written: ${e.names.map((n) => `${n.name} (${n.count})`).join(", ")}`),
  );
  const byOutlet = new Map<string, EntityMention[]>();
  for (const m of detail.mentions) {
    const o = m.outlet ?? "(unknown outlet)";
    const list = byOutlet.get(o);
    if (list) list.push(m);
    else byOutlet.set(o, [m]);
  }
  for (const [outlet, mentions] of [...byOutlet].sort((a, b) => a[0].localeCompare(b[0]))) {
    root.appendChild(
      section(
        `${outlet} (${mentions.length})`,
        "entity-outlet",
        table(
          ["Article", "Written as", "Type", "Confidence", "Offsets"],
          mentions.map((m) => [link(m.title ?? m.articleId.slice(0, 10), "article", m.articleId), m.text, m.type, m.confidence.toFixed(2), `${m.start}–${m.end}`]),
        ),
      ),
    );
  }
}
