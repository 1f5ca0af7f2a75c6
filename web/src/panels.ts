// Panels that show whatever the API returns for an analysis as a table. The analyses (claims, framing, the actor
// network, alerts) are computed by other parts of Parallax and may not be served yet: a panel asks its endpoint,
// shows an honest "not available" when the server has no such endpoint, and otherwise renders the JSON list it gets.
// Wiring a new analysis is one entry: a title, the API path and which property holds the list.
import { ApiError, apiPath, getJson } from "./api";
import { type Child, h, note, route, section, table } from "./dom";

/** One analysis panel: where its data is and how to find the list in the answer. */
export interface PanelSpec {
  readonly title: string;
  readonly testId: string;
  /** Path segments under /api/v1 (each URI-encoded when the request is built). */
  readonly path: readonly string[];
  /** Property names that may hold the list, tried in order; the answer itself is used when it is a list. */
  readonly listKeys: readonly string[];
  /** Optional special rendering for the whole answer; returns null to fall back to the table. */
  readonly render?: (answer: unknown) => HTMLElement | null;
}

/** The list inside an answer: the answer itself, or the first of listKeys (or "items") that holds an array. */
export function findList(answer: unknown, listKeys: readonly string[]): readonly unknown[] | null {
  if (Array.isArray(answer)) return answer;
  if (typeof answer !== "object" || answer === null) return null;
  const record = answer as Record<string, unknown>;
  for (const k of [...listKeys, "items"]) {
    const v = record[k];
    if (Array.isArray(v)) return v;
  }
  return null;
}

const maxColumns = 8;
const maxRows = 200;

/** A cell for any JSON value, as text: primitives as they are, lists joined, objects by their most telling field. */
export function cell(value: unknown, key?: string): Child {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") {
    if (key === "articleId" && /^[0-9a-f]{8,}$/.test(value)) return h("a", { href: route("article", value) }, value.slice(0, 10));
    if (key === "storyId" && value.startsWith("s-")) return h("a", { href: route("story", value) }, value);
    return value;
  }
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === "number" && typeof value[1] === "number") return `${value[0]}–${value[1]}`;
    const list = h("ul", { class: "cell-list" });
    for (const v of value.slice(0, 12)) list.appendChild(h("li", null, cell(v)));
    if (value.length > 12) list.appendChild(h("li", { class: "muted" }, `… ${value.length - 12} more`));
    return list;
  }
  const o = value as Record<string, unknown>;
  for (const k of ["name", "label", "text", "outlet", "value", "id", "key"]) {
    const v = o[k];
    if (typeof v === "string" || typeof v === "number") {
      const extra = typeof o["outlet"] === "string" && k !== "outlet" ? ` (${o["outlet"] as string})` : "";
      return String(v) + extra;
    }
  }
  const json = JSON.stringify(value);
  return json.length > 160 ? json.slice(0, 157) + "…" : json;
}

/** A table of JSON objects: one column per key (in first-seen order, at most eight), one row per object. */
export function jsonTable(items: readonly unknown[], testId: string): HTMLElement {
  if (items.length === 0) return note("None found.");
  const keys: string[] = [];
  for (const item of items.slice(0, 50)) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) continue;
    for (const k of Object.keys(item)) if (!keys.includes(k)) keys.push(k);
  }
  if (keys.length === 0) return table(["value"], items.slice(0, maxRows).map((v) => [cell(v)]), testId);
  const shown = keys.slice(0, maxColumns);
  const rows = items.slice(0, maxRows).map((item) => {
    const o = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    return shown.map((k) => cell(o[k], k));
  });
  const t = table(shown, rows, testId);
  if (items.length <= maxRows && keys.length <= maxColumns) return t;
  return h("div", null, t, note(`Showing ${Math.min(items.length, maxRows)} of ${items.length} rows and ${shown.length} of ${keys.length} columns.`));
}

/** A panel that loads its spec's endpoint and renders the answer; "not available" when the endpoint does not exist. */
export function analysisPanel(spec: PanelSpec): HTMLElement {
  const body = h("div", { class: "panel-body" }, note("Loading…"));
  const panel = section(spec.title, spec.testId, body);
  const path = apiPath(spec.path);
  void getJson<unknown>(path).then(
    (answer) => {
      const special = spec.render?.(answer) ?? null;
      const list = findList(answer, spec.listKeys);
      body.replaceChildren(special ?? (list ? jsonTable(list, spec.testId + "-table") : note(`The answer of ${path} holds no list.`, "error")));
    },
    (error: unknown) => {
      if (error instanceof ApiError && error.endpointMissing) {
        body.replaceChildren(note(`Not available: this server does not provide GET ${path} yet.`, "unavailable"));
      } else {
        body.replaceChildren(note(error instanceof Error ? error.message : String(error), "error"));
      }
    },
  );
  return panel;
}

const svgNs = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

interface NetActor {
  readonly key: string;
  readonly name: string;
}

function asActor(v: unknown): NetActor | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  const key = typeof o["key"] === "string" ? o["key"] : typeof o["id"] === "string" ? o["id"] : null;
  const name = typeof o["name"] === "string" ? o["name"] : key;
  return key !== null && name !== null ? { key, name } : null;
}

/**
 * Draws an actor network answer ({actors: [{key, name}], edges: [{source, target, ploverType, reports}]}, possibly
 * under "network") as a circle of labelled nodes with edges; null when the answer has another shape.
 */
export function renderNetwork(answer: unknown): HTMLElement | null {
  if (typeof answer !== "object" || answer === null) return null;
  let o = answer as Record<string, unknown>;
  if (typeof o["network"] === "object" && o["network"] !== null) o = o["network"] as Record<string, unknown>;
  const actorsRaw = o["actors"] ?? o["nodes"];
  const edgesRaw = o["edges"];
  if (!Array.isArray(actorsRaw) || !Array.isArray(edgesRaw)) return null;
  const actors = actorsRaw.map(asActor).filter((a): a is NetActor => a !== null).slice(0, 40);
  if (actors.length === 0) return note("No actors interact in this story's events.");
  const size = 420;
  const r = size / 2 - 70;
  const pos = new Map<string, [number, number]>();
  actors.forEach((a, i) => {
    const angle = (2 * Math.PI * i) / actors.length - Math.PI / 2;
    pos.set(a.key, [size / 2 + r * Math.cos(angle), size / 2 + r * Math.sin(angle)]);
  });
  const root = svg("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size, class: "network", role: "img" });
  root.appendChild(svg("title", {}, "Actor network"));
  for (const e of edgesRaw) {
    if (typeof e !== "object" || e === null) continue;
    const eo = e as Record<string, unknown>;
    const s = asActor(eo["source"]);
    const t = asActor(eo["target"]);
    const a = s ? pos.get(s.key) : undefined;
    const b = t ? pos.get(t.key) : undefined;
    if (!a || !b) continue;
    const reports = typeof eo["reports"] === "number" ? eo["reports"] : 1;
    const line = svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], "stroke-width": Math.min(6, 1 + reports), class: "net-edge" });
    line.appendChild(svg("title", {}, `${s!.name} → ${t!.name}: ${typeof eo["ploverType"] === "string" ? eo["ploverType"] : "?"} (${reports})`));
    root.appendChild(line);
  }
  for (const a of actors) {
    const [x, y] = pos.get(a.key)!;
    root.appendChild(svg("circle", { cx: x, cy: y, r: 7, class: "net-node" }));
    root.appendChild(svg("text", { x, y: y - 11, "text-anchor": "middle", class: "net-label" }, a.name));
  }
  return h("div", null, root, jsonTable(edgesRaw, "network-edges"));
}
