import { defineConfig } from "vite";

// The UI is served by `parallax serve` from web/dist; it calls the API on the same origin, so no proxy is needed
// in production. `npm run dev` proxies /api to a server on the default address for live editing.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Assets stay files (never data: URLs) so the server's Content-Security-Policy needs no exceptions.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:5080" },
  },
});
