// The Parallax workbench: hash routes over the /api/v1 JSON API.
//   #/ or #/stories?q=…   story list with search
//   #/story/{id}          story page: articles, timeline, map, claims, framing, actor network
//   #/article/{id}        article page: highlighted clean text, original input, removed noise
//   #/entities?q=…        entity list;  #/entity/{key}  one entity's mentions across outlets
//   #/alerts              alerts and watch rules
import "./styles.css";
import { ApiError } from "./api";
import { h, note } from "./dom";
import { alertsPage } from "./pages/alerts";
import { articlePage } from "./pages/article";
import { entitiesPage, entityPage } from "./pages/entities";
import { disposeMap, storyPage } from "./pages/story";
import { storiesPage } from "./pages/stories";

const app = document.getElementById("app") as HTMLElement;
let generation = 0;

/** Splits "#/story/s-1?x=y" into decoded path segments and query parameters. */
export function parseHash(hash: string): { segments: string[]; params: URLSearchParams } {
  const body = hash.replace(/^#\/?/, "");
  const q = body.indexOf("?");
  const path = q < 0 ? body : body.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : body.slice(q + 1));
  const segments = path.split("/").filter((s) => s.length > 0).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return { segments, params };
}

async function render(): Promise<void> {
  const mine = ++generation;
  disposeMap();
  const { segments, params } = parseHash(location.hash);
  // Each page renders into a fresh container that replaces the old one only if no newer navigation started.
  const root = h("div", { class: "page" }, note("Loading…"));
  app.replaceChildren(root);
  document.body.dataset["ready"] = "false";
  try {
    const [page, arg] = segments;
    if (page === undefined || page === "stories") await storiesPage(root, params);
    else if (page === "story" && arg !== undefined) await storyPage(root, arg);
    else if (page === "article" && arg !== undefined) await articlePage(root, arg);
    else if (page === "entities") await entitiesPage(root, params);
    else if (page === "entity" && arg !== undefined) await entityPage(root, arg);
    else if (page === "alerts") alertsPage(root);
    else root.replaceChildren(h("h1", null, "Not found"), note(`No page at ${location.hash}.`, "error"));
  } catch (e) {
    if (mine !== generation) return;
    const message = e instanceof ApiError ? `${e.detail}` : e instanceof Error ? e.message : String(e);
    root.replaceChildren(h("h1", null, "Could not load this page"), note(message, "error"));
  }
  if (mine === generation) {
    document.title = (root.querySelector("h1")?.textContent ?? "Parallax") + " · Parallax";
    document.body.dataset["ready"] = "true";
  }
}

window.addEventListener("hashchange", () => void render());
void render();
