import { ApiError, api, apiKey, setApiKey, type AlertItem, type AlertPage, type WatchList } from "../api";
import { h, link, note, section, table } from "../dom";

const pageSize = 100;

/**
 * The alerts page (#/alerts): the stored alerts, newest first, with a recheck button; and the watch rules
 * (the rule files of the server's data directory) with a small form to create, replace or delete one.
 * Changes need the server's API key, typed once per tab.
 */
export function alertsPage(root: HTMLElement): void {
  const alertsBody = h("div", { class: "panel-body" }, note("Loading…"));
  const watchesBody = h("div", { class: "panel-body" }, note("Loading…"));
  const order = h("select", { "aria-label": "Order", "data-testid": "alerts-order" }, h("option", { value: "newest" }, "newest first"), h("option", { value: "oldest" }, "oldest first"));
  const recheckNote = h("span", { class: "muted", "data-testid": "recheck-result" });
  const recheck = h("button", { type: "button", "data-testid": "recheck" }, "Recheck all articles");
  const keyInput = h("input", { type: "password", placeholder: "API key (for changes)", "aria-label": "API key", value: apiKey(), autocomplete: "off", "data-testid": "api-key" });
  keyInput.addEventListener("change", () => setApiKey(keyInput.value.trim()));

  let offset = 0;
  const loadAlerts = async (): Promise<void> => {
    try {
      const page = await api.alerts({ order: order.value, offset, limit: pageSize });
      alertsBody.replaceChildren(alertsView(page, (next) => {
        offset = next;
        void loadAlerts();
      }));
    } catch (e) {
      alertsBody.replaceChildren(failure(e, "/api/v1/alerts"));
    }
  };
  const loadWatches = async (status?: FormStatus): Promise<void> => {
    try {
      watchesBody.replaceChildren(watchesView(await api.watches(), loadWatches, status));
    } catch (e) {
      watchesBody.replaceChildren(failure(e, "/api/v1/watches"));
    }
  };
  order.addEventListener("change", () => {
    offset = 0;
    void loadAlerts();
  });
  recheck.addEventListener("click", () => {
    recheck.disabled = true;
    recheckNote.textContent = " checking…";
    api.recheckAlerts().then(
      (r) => {
        recheckNote.textContent = r ? ` ${r.articles} articles checked against ${r.rules} rules; ${r.newAlerts} new alerts.` : "";
        offset = 0;
        void loadAlerts();
      },
      (e: unknown) => {
        recheckNote.textContent = " " + message(e);
      },
    ).finally(() => {
      recheck.disabled = false;
    });
  });

  root.replaceChildren(
    h("h1", null, "Alerts"),
    h("div", { class: "toolbar" }, order, recheck, recheckNote, h("span", { class: "spacer" }), keyInput),
    section("Alerts", "alerts", alertsBody),
    section("Watch rules", "watches", watchesBody),
  );
  void loadAlerts();
  void loadWatches();
}

function message(e: unknown): string {
  if (e instanceof ApiError) return (e.status === 401 ? "Give the server's API key first. " : "") + e.detail;
  return e instanceof Error ? e.message : String(e);
}

function failure(e: unknown, path: string): HTMLElement {
  if (e instanceof ApiError && e.endpointMissing) return note(`Not available: this server does not provide GET ${path} yet.`, "unavailable");
  return note(message(e), "error");
}

function alertsView(page: AlertPage, go: (offset: number) => void): HTMLElement {
  if (page.total === 0) return note("None found: no watch rule has matched an event yet.");
  const rows = page.alerts.map((a: AlertItem) => [
    a.raisedAt.slice(0, 16).replace("T", " "),
    h("span", { title: a.ruleTitle }, a.ruleId),
    a.ploverType,
    a.placeName ?? "",
    a.distanceKm === null ? "" : a.distanceKm.toFixed(1),
    link(a.outlet ?? a.title ?? a.articleId.slice(0, 10), "article", a.articleId),
    a.storyId ? link(a.storyId, "story", a.storyId) : "",
    h("span", { title: a.matched.join("\n") }, a.sentenceText),
  ]);
  const pager = h("div", { class: "pager" });
  if (page.offset > 0) {
    const prev = h("button", { type: "button" }, "Previous");
    prev.addEventListener("click", () => go(Math.max(0, page.offset - page.limit)));
    pager.appendChild(prev);
  }
  if (page.offset + page.alerts.length < page.total) {
    const next = h("button", { type: "button" }, "Next");
    next.addEventListener("click", () => go(page.offset + page.limit));
    pager.appendChild(next);
  }
  return h(
    "div",
    null,
    note(`${page.total} alert${page.total === 1 ? "" : "s"}, ${page.order} first; showing ${page.offset + 1}–${page.offset + page.alerts.length}.`),
    table(["Raised", "Rule", "Type", "Place", "km", "Article", "Story", "Sentence"], rows, "alerts-table"),
    pager,
  );
}

const template = `# A zone names a GeoJSON file in the rules folder (upload it with PUT /api/v1/zones/files/<name>.geojson).
[zone my-zone]
file = zones/my-zone.geojson
buffer = 20 km

[rule my-rule]
title = What this rule watches for
inside = my-zone
event-type = ASSAULT, MOBILIZE
`;

/** What the form did last, shown again after the list is reloaded. */
interface FormStatus {
  readonly id: string;
  readonly message: string;
}

function watchesView(list: WatchList, reload: (status?: FormStatus) => Promise<void>, status?: FormStatus): HTMLElement {
  const rows = list.rules.map((r) => [r.watch, h("span", { title: r.title }, r.id), r.title, r.conditions]);
  const idInput = h("input", { type: "text", placeholder: "watch id (file name)", "aria-label": "Watch id", "data-testid": "watch-id" });
  const text = h("textarea", { rows: "12", spellcheck: "false", "aria-label": "Rule file", "data-testid": "watch-text" });
  text.value = template;
  const result = h("div", { "data-testid": "watch-result" });
  const save = h("button", { type: "button", "data-testid": "watch-save" }, "Save");
  const remove = h("button", { type: "button", "data-testid": "watch-delete" }, "Delete");
  const files = h("ul", { class: "watch-files" });
  for (const w of list.watches) {
    const edit = h("button", { type: "button", class: "linkish" }, w.file);
    edit.addEventListener("click", () => {
      idInput.value = w.id;
      text.value = w.text;
      result.replaceChildren();
    });
    files.appendChild(h("li", null, edit, h("span", { class: "muted" }, ` ${w.rules.length} rules, ${w.zones.length} zones`)));
  }
  const act = (what: Promise<unknown>, id: string, done: string): void => {
    save.disabled = remove.disabled = true;
    what.then(
      () => void reload({ id, message: done }),
      (e: unknown) => {
        const where = e instanceof ApiError && e.line ? ` (line ${e.line})` : "";
        result.replaceChildren(note(message(e) + where, "error"));
      },
    ).finally(() => {
      save.disabled = remove.disabled = false;
    });
  };
  save.addEventListener("click", () => {
    const id = idInput.value.trim();
    act(api.saveWatch(id, text.value), id, `Saved ${id}.rules.`);
  });
  remove.addEventListener("click", () => {
    const id = idInput.value.trim();
    act(api.deleteWatch(id), id, `Deleted ${id}.rules.`);
  });
  const form = h(
    "details",
    { class: "watch-form" },
    h("summary", null, "Create, edit or delete a rule file"),
    h("p", { class: "muted" }, "Pick a file above to edit it. The server checks the rules before it stores them; nothing is lost when they are refused."),
    h("div", { class: "search" }, idInput, save, remove),
    text,
    result,
  );
  if (status) {
    // After a save or delete the list is reloaded: keep the form open on the same file, with what happened.
    form.open = true;
    idInput.value = status.id;
    const file = list.watches.find((w) => w.id === status.id);
    if (file) text.value = file.text;
    result.replaceChildren(note(status.message));
  }
  return h(
    "div",
    null,
    list.error ? note("The rule files on the server do not load, so no alerts are raised: " + list.error, "error") : null,
    rows.length ? table(["Watch", "Rule", "Title", "Conditions"], rows, "watches-table") : note("None found: no rule files in the data directory's rules folder."),
    list.watches.length ? h("div", null, h("strong", null, "Rule files: "), files) : null,
    form,
  );
}
