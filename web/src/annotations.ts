// Reads the stand-off layers of an article (GET /api/v1/articles/{id} → layers) into one flat list of highlights.
// Each layer is read defensively: a layer missing, or shaped differently than expected, yields no highlights rather
// than an error, because the extraction stages grow independently of this UI.
import type { Span } from "./api";

/** The kinds of highlight, each with its own colour and legend entry. */
export type AnnotationKind = "entity" | "place" | "date" | "quote" | "event" | "quantity";

export const annotationKinds: readonly AnnotationKind[] = ["entity", "place", "date", "quote", "event", "quantity"];

export const kindLabels: Readonly<Record<AnnotationKind, string>> = {
  entity: "Entities",
  place: "Places",
  date: "Dates",
  quote: "Quotes",
  event: "Events",
  quantity: "Quantities",
};

/** One highlight: a span of the clean text and a short description for its tooltip. */
export interface Annotation {
  readonly kind: AnnotationKind;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asArray(v: Json): readonly Json[] {
  return Array.isArray(v) ? v : [];
}

function str(v: Json): string | null {
  return typeof v === "string" ? v : null;
}

/** A stored TextSpan: [start, end] with start ≤ end, both whole numbers. */
export function asSpan(v: Json): Span | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [a, b] = v as unknown[];
  return typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= a ? [a, b] : null;
}

function push(out: Annotation[], kind: AnnotationKind, span: Span | null, label: string, textLength: number): void {
  if (span === null || span[1] > textLength || span[0] === span[1]) return;
  out.push({ kind, start: span[0], end: span[1], label });
}

/** Every highlight the layers give, ordered by start, longer spans first at the same start. */
export function readAnnotations(layers: Readonly<Record<string, Json>>, textLength: number): Annotation[] {
  const out: Annotation[] = [];
  for (const m of asArray(layers["mentions"])) {
    if (!isObject(m)) continue;
    const link = str(m["actorId"]);
    push(out, "entity", asSpan(m["span"]), `entity: ${str(m["type"]) ?? "?"}${link ? " → " + link : ""}`, textLength);
  }
  for (const p of asArray(layers["places"])) {
    if (!isObject(p)) continue;
    const entry = isObject(p["entry"]) ? p["entry"] : null;
    const where = entry ? str(entry["adminPath"]) ?? str(entry["name"]) ?? "" : "";
    push(out, "place", asSpan(p["span"]), `place (${str(p["status"]) ?? "?"})${where ? ": " + where : ""}`, textLength);
  }
  for (const t of asArray(layers["timexes"])) {
    if (!isObject(t)) continue;
    push(out, "date", asSpan(t["span"]), `${str(t["type"]) ?? "time"}: ${str(t["value"]) ?? "?"}${str(t["role"]) ? " (" + str(t["role"]) + ")" : ""}`, textLength);
  }
  for (const q of asArray(layers["quotes"])) {
    if (!isObject(q)) continue;
    const speaker = isObject(q["speaker"]) ? str(q["speaker"]["text"]) : null;
    const label = `quote (${str(q["kind"]) ?? "?"})${speaker ? " by " + speaker : ", unattributed"}`;
    const parts = asArray(q["parts"]).map(asSpan).filter((s): s is Span => s !== null);
    if (parts.length > 0) for (const s of parts) push(out, "quote", s, label, textLength);
    else push(out, "quote", asSpan(q["content"]), label, textLength);
  }
  for (const e of asArray(layers["events"])) {
    if (!isObject(e)) continue;
    const mode = str(e["ploverMode"]);
    push(out, "event", asSpan(e["trigger"]), `event ${str(e["ploverType"]) ?? "?"}${mode ? " (" + mode + ")" : ""}, ${str(e["modality"]) ?? ""}`, textLength);
  }
  for (const n of asArray(layers["quantities"])) {
    if (!isObject(n)) continue;
    const low = n["low"];
    const unit = str(n["unit"]);
    push(out, "quantity", asSpan(n["span"]), `quantity${typeof low === "number" ? ": " + String(low) : ""}${unit ? " " + unit : ""}`, textLength);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** A run of text covered by the same set of highlights (possibly none). */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly covering: readonly Annotation[];
}

/**
 * Cuts [0, textLength) at every highlight boundary, so overlapping and nested highlights (a place inside a quote)
 * both show: each segment lists every highlight that covers it.
 */
export function segment(annotations: readonly Annotation[], textLength: number): Segment[] {
  const cuts = new Set<number>([0, textLength]);
  for (const a of annotations) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= textLength).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({ start, end, covering: annotations.filter((a) => a.start <= start && a.end >= end) });
  }
  return segments;
}
