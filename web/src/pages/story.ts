import type L from "leaflet";
import { api, type StoryDetail, type StoryTimeline, type TimelineEntry } from "../api";
import { h, link, note, section, table } from "../dom";
import { drawMap } from "../map";
import { analysisPanel, renderNetwork } from "../panels";

let currentMap: L.Map | null = null;

/** Removes the previous story's map (Leaflet keeps listeners on the window). */
export function disposeMap(): void {
  currentMap?.remove();
  currentMap = null;
}

/** The story page (#/story/{id}): articles, timeline, map and the analysis panels. */
export async function storyPage(root: HTMLElement, id: string): Promise<void> {
  const story = await api.story(id);
  root.replaceChildren(
    h("h1", { "data-testid": "story-title" }, story.label),
    h("p", { class: "muted" }, `${story.articles.length} articles from ${story.outlets.length} outlets · key terms: ${story.keyTerms.join(", ")}`),
    articlesSection(story),
  );

  const mapBox = h("div", { class: "map", "data-testid": "map" });
  const mapNote = h("div", { class: "map-note" }, note("Loading places…"));
  const timelineBody = h("div", null, note("Loading timeline…"));
  root.append(
    h(
      "div",
      { class: "two-col" },
      section("Map", "map-panel", mapBox, mapNote),
      section("Timeline", "timeline", timelineBody),
    ),
    analysisPanel({ title: "Claims", testId: "claims", path: ["stories", story.id, "claims"], listKeys: ["claims"] }),
    analysisPanel({ title: "Framing", testId: "framing", path: ["stories", story.id, "framing"], listKeys: ["framing", "articles"] }),
    analysisPanel({ title: "Actor network", testId: "network", path: ["stories", story.id, "network"], listKeys: ["edges"], render: renderNetwork }),
  );

  const [places, timeline, zones] = await Promise.allSettled([api.storyPlaces(story.id), api.storyTimeline(story.id), api.zones()]);
  if (places.status === "fulfilled") {
    disposeMap();
    // Zones are a help, not a need: a server without /zones still draws the places.
    const zoneLayer = zones.status === "fulfilled" ? zones.value : null;
    currentMap = drawMap(mapBox, places.value.places, zoneLayer);
    const unresolved = places.value.unresolved.length;
    const zoneCount = zoneLayer?.features.length ?? 0;
    mapNote.replaceChildren(
      note(
        `${places.value.places.length} places on the map${unresolved ? `; ${unresolved} place mentions could not be placed` : ""}` +
          (zoneCount ? `; ${zoneCount} watch zone${zoneCount === 1 ? "" : "s"} (dashed) with their buffers (shaded).` : "."),
      ),
    );
  } else {
    mapNote.replaceChildren(note(String(places.reason), "error"));
  }
  timelineBody.replaceChildren(timeline.status === "fulfilled" ? timelineView(timeline.value) : note(String(timeline.reason), "error"));
}

function articlesSection(story: StoryDetail): HTMLElement {
  const rows = story.articles.map((a) => [
    h("a", { href: "#/article/" + encodeURIComponent(a.id), class: "article-link" }, a.title ?? a.sourceId),
    a.outlet ?? "",
    a.published?.slice(0, 10) ?? "",
    a.author ?? "",
    a.duplicateOf ? h("span", { class: "badge", title: `similarity ${a.duplicateSimilarity?.toFixed(2) ?? "?"}` }, "duplicate of ", link(a.duplicateOf.slice(0, 8), "article", a.duplicateOf)) : "",
  ]);
  return section("Articles", "articles", table(["Title", "Outlet", "Published", "Author", ""], rows, "articles-table"));
}

/** Dated entries grouped by their value, each naming the outlet (and the words) that said so. */
function timelineView(timeline: StoryTimeline): HTMLElement {
  if (timeline.entries.length === 0) return note("No dated expressions or events in this story's articles.");
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of timeline.entries) {
    const list = groups.get(e.value);
    if (list) list.push(e);
    else groups.set(e.value, [e]);
  }
  const ol = h("ol", { class: "timeline", "data-testid": "timeline-list" });
  for (const [value, entries] of groups) {
    const outlets = [...new Set(entries.map((e) => e.source.outlet ?? "(unknown outlet)"))];
    ol.appendChild(
      h(
        "li",
        { class: "timeline-item", "data-kind": entries[0]!.kind },
        h("div", { class: "timeline-date" }, value),
        h("div", { class: "muted" }, `${outlets.length} outlet${outlets.length === 1 ? "" : "s"}: ${outlets.join(", ")}`),
        h(
          "ul",
          null,
          ...entries.map((e) =>
            h(
              "li",
              { class: "timeline-entry" },
              h("span", { class: "tag tag-" + e.kind }, e.kind),
              " ",
              h("strong", null, e.label),
              e.role ? h("span", { class: "muted" }, ` (${e.role})`) : null,
              " — ",
              h("a", { href: "#/article/" + encodeURIComponent(e.source.articleId) }, e.source.outlet ?? e.source.title ?? e.source.articleId.slice(0, 8)),
              ": ",
              h("q", null, e.context),
            ),
          ),
        ),
      ),
    );
  }
  return ol;
}
