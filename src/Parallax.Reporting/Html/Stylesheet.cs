namespace Parallax.Reporting.Html;

/// <summary>The report's base CSS: system fonts only, no url() and no imports, so the file works offline.</summary>
internal static class Stylesheet
{
    public const string Base = """
        :root {
          --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --accent: #0b5cad;
          --lang-bg: #fff4d6; --lang-line: #d4a72c; --removed-bg: #ffe3e0; --removed-fg: #8c1d18;
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --line: #3d444d; --accent: #58a6ff;
            --lang-bg: #3b2f0b; --lang-line: #bb8009; --removed-bg: #4a1512; --removed-fg: #ffb4ab;
          }
        }
        * { box-sizing: border-box; }
        body {
          margin: 0 auto; max-width: 50rem; padding: 2rem 1.25rem 4rem; color: var(--fg); background: var(--bg);
          font: 1.0625rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
          text-rendering: optimizeLegibility;
        }
        h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; }
        h1 { font-size: 2rem; margin-top: 0.25rem; }
        h2 { font-size: 1.45rem; border-bottom: 1px solid var(--line); padding-bottom: 0.3rem; }
        h3 { font-size: 1.15rem; }
        h4 { font-size: 1rem; }
        p { margin: 0 0 1rem; }
        a { color: var(--accent); }
        code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
        .kicker, .muted, footer { color: var(--muted); }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; margin: 0; }
        nav.toc { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 1.25rem; }
        nav.toc h2 { border: 0; font-size: 1rem; margin: 0.5rem 0; }
        nav.toc ol { margin: 0 0 0.5rem; padding-left: 1.25rem; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1.25rem; font-size: 0.92rem; }
        th, td { border: 1px solid var(--line); padding: 0.35rem 0.55rem; text-align: start; vertical-align: top; overflow-wrap: anywhere; }
        th { background: var(--panel); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        details.article { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: 0 1rem; }
        details.article > summary { cursor: pointer; padding: 0.6rem 0; font-weight: 600; }
        details.article[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 0.75rem; }
        .article-text { max-width: 42rem; }
        .markers { margin: 0 0 1rem; }
        .badge {
          display: inline-block; font-size: 0.72rem; line-height: 1.4; padding: 0 0.4rem; margin: 0 0.15rem;
          border-radius: 999px; background: var(--panel); border: 1px solid var(--line); vertical-align: middle; cursor: help;
        }
        blockquote { margin: 0 0 1rem; padding: 0 1rem; border-left: 3px solid var(--line); color: var(--muted); }
        .excerpt { white-space: pre-wrap; }
        """;

    /// <summary>Throws when extra CSS could break out of the style element or load something from outside.</summary>
    public static void Validate(string css, string owner)
    {
        if (css.Contains('<', StringComparison.Ordinal)
            || css.Contains("url(", StringComparison.OrdinalIgnoreCase)
            || css.Contains("@import", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The stylesheet of '{owner}' contains '<', url( or @import; report CSS must be self-contained and stay inside <style>.", nameof(css));
    }
}
