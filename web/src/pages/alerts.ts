import { analysisPanel } from "../panels";
import { h } from "../dom";

/** The alerts page (#/alerts): whatever GET /api/v1/alerts returns, or "not available" when the server has none. */
export function alertsPage(root: HTMLElement): void {
  root.replaceChildren(
    h("h1", null, "Alerts"),
    analysisPanel({ title: "Alerts", testId: "alerts", path: ["alerts"], listKeys: ["alerts"] }),
    analysisPanel({ title: "Watch rules", testId: "watches", path: ["watches"], listKeys: ["watches", "rules"] }),
  );
}
