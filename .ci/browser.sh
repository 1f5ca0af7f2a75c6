#!/usr/bin/env bash
# Prepares the web workbench's browser tests (tests/Parallax.Web.Tests): installs Debian's chromium and
# chromium-driver when missing, then builds the UI with `npm ci && npm run build` in web/ (output: web/dist,
# which `parallax serve` and the tests serve). No browser is downloaded from anywhere but Debian's archive.
#
#   . .ci/browser.sh      # .ci/run sources it before the test command
#   bash .ci/browser.sh   # by hand
#
# When sourced it never exits the caller: on failure it says why and returns, so the browser tests fail
# with their own message under CI=true (and skip with the reason locally).

_px_browser_main() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "browser.sh: chromium is not installed; run 'sudo apt-get install -y chromium chromium-driver' first." >&2
    else
      echo "browser.sh: installing chromium and chromium-driver from Debian…" >&2
      if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null; }; then
        echo "browser.sh: apt-get install chromium chromium-driver failed." >&2
      fi
    fi
  fi
  [ -x /usr/bin/chromium ] && echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)" >&2

  if ! command -v npm >/dev/null 2>&1; then
    echo "browser.sh: npm is not on PATH; the web UI needs Node.js 20.19+ (Vite 8) to build." >&2
    return 1
  fi
  echo "browser.sh: building the web UI (node $(node --version 2>/dev/null))…" >&2
  if ! (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent) >&2; then
    echo "browser.sh: npm ci / npm run build failed in web/; the browser tests will not find web/dist." >&2
    return 1
  fi
  echo "browser.sh: web/dist is built." >&2
}

_px_browser_main
unset -f _px_browser_main
