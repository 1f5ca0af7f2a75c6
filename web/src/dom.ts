// DOM construction without HTML parsing. Every string given here becomes a text node or an attribute value set
// through setAttribute, so text copied from a web page can never turn into markup or script. Nothing in this UI
// assigns innerHTML, outerHTML or insertAdjacentHTML (a test in tests/Parallax.Web.Tests checks the sources).

/** A child accepted by {@link h}: a node, text (always a text node), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes accepted by {@link h}. "href" must come from {@link link} or an API path built by the caller. */
export interface Attrs {
  readonly class?: string;
  readonly href?: string;
  readonly rel?: string;
  readonly title?: string;
  readonly id?: string;
  readonly role?: string;
  readonly "data-testid"?: string;
  readonly "data-kind"?: string;
  readonly "aria-label"?: string;
  readonly type?: string;
  readonly placeholder?: string;
  readonly name?: string;
  readonly value?: string;
  readonly colspan?: string;
  readonly rows?: string;
  readonly for?: string;
  readonly spellcheck?: string;
  readonly autocomplete?: string;
}

/** Creates an element with attributes and children; strings are appended as text nodes, never parsed. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs) as [string, string | undefined][]) {
      if (value === undefined) continue;
      if (name === "href" && !isSafeHref(value)) continue;
      el.setAttribute(name, value);
    }
  }
  append(el, ...children);
  return el;
}

/** Appends children to a parent: nodes as they are, strings and numbers as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Removes every child of a node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** An in-app link: "#/" followed by path segments, each URI-encoded. */
export function link(text: Child, ...segments: string[]): HTMLAnchorElement {
  return h("a", { href: route(...segments) }, text);
}

/** The hash route for path segments, each URI-encoded ("#/story/s-1"). */
export function route(...segments: string[]): string {
  return "#/" + segments.map(encodeURIComponent).join("/");
}

/** Only in-app hash routes, same-origin absolute paths and http(s) URLs may become links; never javascript: or data:. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith("#") || (href.startsWith("/") && !href.startsWith("//"))) return true;
  try {
    const u = new URL(href);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** A labelled section with a heading. */
export function section(title: string, testId: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "panel", "data-testid": testId }, h("h2", null, title), ...children);
}

/** A short status line ("loading", "not available", an error). */
export function note(text: string, kind: "muted" | "error" | "unavailable" = "muted"): HTMLParagraphElement {
  return h("p", { class: "note note-" + kind, "data-testid": "note-" + kind }, text);
}

/** A table from a header row and rows of cells. */
export function table(headers: readonly string[], rows: readonly (readonly Child[])[], testId?: string): HTMLTableElement {
  const attrs: Attrs = testId === undefined ? { class: "grid" } : { class: "grid", "data-testid": testId };
  return h(
    "table",
    attrs,
    h("thead", null, h("tr", null, ...headers.map((x) => h("th", null, x)))),
    h("tbody", null, ...rows.map((r) => h("tr", null, ...r.map((c) => h("td", null, c))))),
  );
}
