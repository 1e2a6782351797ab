#!/usr/bin/env bash
# pdf.js (Mozilla, Apache-2.0) for the "Open in the report" viewer, from the npm registry at the
# version pinned in web/pdfjs/package-lock.json, copied into web/static/vendor/pdfjs (git-ignored):
# the assistant serves it itself, never from a CDN. Without npm the viewer is left out and
# "Open in the report" shows the text version of the document instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the PDF viewer is left out ('Open in the report' shows the text version)." >&2
  exit 0
fi
(cd web/pdfjs && npm ci --omit=optional --no-audit --no-fund --loglevel=error)
src=web/pdfjs/node_modules/pdfjs-dist
out=web/static/vendor/pdfjs
rm -rf "$out.tmp" && mkdir -p "$out.tmp"
cp "$src/build/pdf.min.mjs" "$src/build/pdf.worker.min.mjs" "$src/LICENSE" "$out.tmp/"
cp -r "$src/standard_fonts" "$out.tmp/"  # the 14 standard PDF fonts, for files that do not embed them
node -e 'console.log(require("./web/pdfjs/node_modules/pdfjs-dist/package.json").version)' > "$out.tmp/VERSION"
rm -rf "$out" && mv "$out.tmp" "$out"
echo "pdf.js $(cat "$out/VERSION") copied to $out"
