// Typed access to the /api/v1 JSON API on the same origin. Shapes mirror docs/api.md; fields the UI does not use
// are left out. Offsets are UTF-16 code units into an article's clean text, as JavaScript strings index.

import type { FeatureCollection, Geometry } from "geojson";

/** A [start, end) span of UTF-16 offsets. */
export type Span = readonly [number, number];

export interface Page<T> {
  readonly offset: number;
  readonly limit: number;
  readonly total: number | null;
  readonly items: readonly T[];
}

export interface StoryItem {
  readonly id: string;
  readonly label: string;
  readonly keyTerms: readonly string[];
  readonly articleCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface StoryArticle {
  readonly id: string;
  readonly sourceId: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly url: string | null;
  readonly duplicateOf: string | null;
  readonly duplicateSimilarity: number | null;
}

export interface StoryDetail {
  readonly id: string;
  readonly label: string;
  readonly keyTerms: readonly string[];
  readonly outlets: readonly string[];
  readonly articles: readonly StoryArticle[];
}

export interface RemovedBlock {
  readonly reason: string;
  readonly text: string;
  readonly rawSpan: Span | null;
  readonly cleanOffset: number;
  readonly detail: string | null;
}

export interface ChosenValue {
  readonly value: string;
  readonly source: string;
  readonly confidence: number;
}

export interface ArticleDetail {
  readonly id: string;
  readonly sourceId: string;
  readonly kind: string;
  readonly storyId: string | null;
  readonly duplicateOf: string | null;
  readonly metadata: { readonly chosen: Readonly<Record<string, ChosenValue>> };
  readonly text: string | null;
  readonly removed: readonly RemovedBlock[] | null;
  readonly layers: Readonly<Record<string, unknown>>;
}

export interface ArticleRaw {
  readonly id: string;
  readonly kind: string;
  readonly raw: string;
}

export interface SearchHit {
  readonly articleId: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly storyId: string | null;
  readonly snippet: string;
  readonly rank: number;
}

export interface NameCount {
  readonly name: string;
  readonly count: number;
}

export interface EntityItem {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly actorId: string | null;
  readonly mentions: number;
  readonly articles: number;
  readonly outlets: readonly string[];
  readonly names: readonly NameCount[];
}

export interface EntityMention {
  readonly articleId: string;
  readonly storyId: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly confidence: number;
}

export interface EntityDetail {
  readonly entity: EntityItem;
  readonly mentions: readonly EntityMention[];
}

/** Who said so: one article's mention, as the story read endpoints return it. */
export interface Attribution {
  readonly articleId: string;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface StoryPlace {
  readonly key: string;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly countryCode: string | null;
  readonly adminPath: string | null;
  readonly outlets: readonly string[];
  readonly mentions: readonly Attribution[];
}

export interface StoryPlaces {
  readonly storyId: string;
  readonly places: readonly StoryPlace[];
  readonly unresolved: readonly Attribution[];
}

export interface TimelineEntry {
  readonly value: string;
  readonly sortKey: string | null;
  readonly kind: string;
  readonly label: string;
  readonly role: string | null;
  readonly context: string;
  readonly source: Attribution;
}

export interface StoryTimeline {
  readonly storyId: string;
  readonly entries: readonly TimelineEntry[];
}

/** One stored watch-rule alert (GET /alerts). */
export interface AlertItem {
  readonly id: string;
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly articleId: string;
  readonly storyId: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly eventId: string;
  readonly ploverType: string;
  readonly predicate: string;
  readonly sentenceText: string;
  readonly sentence: Span;
  readonly placeName: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly zoneId: string | null;
  readonly distanceKm: number | null;
  readonly matched: readonly string[];
  readonly raisedAt: string;
}

export interface AlertPage {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  readonly order: "newest" | "oldest";
  readonly alerts: readonly AlertItem[];
}

export interface AlertRecheck {
  readonly articles: number;
  readonly rules: number;
  readonly newAlerts: number;
}

export interface WatchRuleInfo {
  readonly id: string;
  readonly watch: string;
  readonly title: string;
  readonly conditions: string;
  readonly line: number;
}

export interface WatchZoneInfo {
  readonly id: string;
  readonly name: string;
  readonly bufferKm: number;
  readonly line: number;
}

/** One rule file of <data-dir>/rules (GET /watches/{id}). */
export interface WatchFile {
  readonly id: string;
  readonly file: string;
  readonly text: string;
  readonly zones: readonly WatchZoneInfo[];
  readonly rules: readonly WatchRuleInfo[];
}

export interface WatchList {
  readonly watches: readonly WatchFile[];
  readonly rules: readonly WatchRuleInfo[];
  readonly error: string | null;
}

/** A zone as GET /zones gives it: a GeoJSON feature with its buffer. */
export interface ZoneProperties {
  readonly id: string;
  readonly name: string;
  readonly bufferKm: number;
  readonly watch: string;
}

/** An error answer of the API (RFC 9457 problem details with a PX code; rule errors also name file and line). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly detail: string,
    readonly line: number | null = null,
  ) {
    super(detail);
    this.name = "ApiError";
  }

  /** True when the server has no such endpoint at all (as opposed to no such story or article). */
  get endpointMissing(): boolean {
    return this.status === 404 && this.detail.includes("no API endpoint answers");
  }
}

/** Turns an error response into an {@link ApiError} carrying the problem's detail, code and line. */
async function problemOf(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`;
  let code: string | null = null;
  let line: number | null = null;
  try {
    const problem = (await response.json()) as { detail?: unknown; code?: unknown; line?: unknown };
    if (typeof problem.detail === "string") detail = problem.detail;
    if (typeof problem.code === "string") code = problem.code;
    if (typeof problem.line === "number") line = problem.line;
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(response.status, code, detail, line);
}

/** GETs a JSON document from the API; throws {@link ApiError} on an error status. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

const keyStorage = "parallax.apiKey";

/** The API key the user gave for writes in this tab (kept in sessionStorage only), or "". */
export function apiKey(): string {
  try {
    return sessionStorage.getItem(keyStorage) ?? "";
  } catch {
    return "";
  }
}

/** Remembers the API key for this tab. */
export function setApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(keyStorage, key);
    else sessionStorage.removeItem(keyStorage);
  } catch {
    // Storage disabled: the key lasts as long as the input holds it.
  }
}

/**
 * Sends a write (POST, PUT, DELETE) with the tab's API key in X-Api-Key; returns the JSON answer, or null for an
 * empty one (204). Throws {@link ApiError} on an error status.
 */
export async function send<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: { readonly type: string; readonly text: string }): Promise<T | null> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const key = apiKey();
  if (key) headers["X-Api-Key"] = key;
  if (body) headers["Content-Type"] = body.type;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body) init.body = body.text;
  const response = await fetch(path, init);
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? (JSON.parse(text) as T) : null;
}

/** Builds "/api/v1/…" from path segments (each URI-encoded) and optional query parameters. */
export function apiPath(segments: readonly string[], query?: Readonly<Record<string, string | number | undefined>>): string {
  let path = "/api/v1/" + segments.map(encodeURIComponent).join("/");
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") q.set(k, String(v));
    const s = q.toString();
    if (s) path += "?" + s;
  }
  return path;
}

export const api = {
  stories: (q: string, offset: number, limit: number) => getJson<Page<StoryItem>>(apiPath(["stories"], { q, offset, limit })),
  story: (id: string) => getJson<StoryDetail>(apiPath(["stories", id])),
  storyPlaces: (id: string) => getJson<StoryPlaces>(apiPath(["stories", id, "places"])),
  storyTimeline: (id: string) => getJson<StoryTimeline>(apiPath(["stories", id, "timeline"])),
  searchArticles: (q: string, limit: number) => getJson<Page<SearchHit>>(apiPath(["articles"], { q, limit })),
  article: (id: string) => getJson<ArticleDetail>(apiPath(["articles", id])),
  articleRaw: (id: string) => getJson<ArticleRaw>(apiPath(["articles", id, "raw"])),
  entities: (q: string, offset: number, limit: number) => getJson<Page<EntityItem>>(apiPath(["entities"], { q, offset, limit })),
  entity: (key: string) => getJson<EntityDetail>(apiPath(["entities", key])),
  alerts: (query: Readonly<Record<string, string | number | undefined>>) => getJson<AlertPage>(apiPath(["alerts"], query)),
  recheckAlerts: () => send<AlertRecheck>("POST", apiPath(["alerts", "recheck"])),
  watches: () => getJson<WatchList>(apiPath(["watches"])),
  saveWatch: (id: string, text: string) => send<WatchFile>("PUT", apiPath(["watches", id]), { type: "text/plain; charset=utf-8", text }),
  deleteWatch: (id: string) => send<null>("DELETE", apiPath(["watches", id])),
  zones: () => getJson<FeatureCollection<Geometry, ZoneProperties>>(apiPath(["zones"])),
};
