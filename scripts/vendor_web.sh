#!/usr/bin/env bash
# Re-fetch the dashboard's vendored JavaScript and geometry from the npm registry, at pinned versions.
# Installs into a temporary directory outside the repository and copies only the built files into
# src/dyad/web/vendor/, so `dyad serve` needs no network and no CDN. Licences: NOTICE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/dyad/web/vendor
D3=7.9.0                # d3 (ISC): d3-geo, d3-force, d3-scale, ...; Plot 0.6.17 is built against 7.9.0
TOPOJSON=3.1.0          # topojson-client (ISC)
WORLD_ATLAS=2.0.2       # world-atlas (ISC; Natural Earth geometry, public domain)
PLOT=0.6.17             # @observablehq/plot (ISC)
ISO=7.14.0              # i18n-iso-countries (MIT): only to map ISO numeric ids to alpha-3 codes at build time
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dyad-vendor.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund --ignore-scripts \
  "d3@$D3" "topojson-client@$TOPOJSON" "world-atlas@$WORLD_ATLAS" "@observablehq/plot@$PLOT" "i18n-iso-countries@$ISO")
M="$TMP/node_modules"
mkdir -p "$OUT"
cp "$M/d3/dist/d3.min.js" "$OUT/d3.min.js"
cp "$M/topojson-client/dist/topojson-client.min.js" "$OUT/topojson-client.min.js"
cp "$M/@observablehq/plot/dist/plot.umd.min.js" "$OUT/plot.umd.min.js"
cp "$M/world-atlas/countries-110m.json" "$OUT/countries-110m.json"
# world-atlas names countries by ISO 3166-1 numeric id; Dyad's actor codes are alpha-3 (CAMEO: KSV for Kosovo)
node -e '
const codes = require(process.argv[1] + "/i18n-iso-countries/codes.json");
const atlas = require(process.argv[1] + "/world-atlas/countries-110m.json");
const byNumeric = Object.fromEntries(codes.map((c) => [c[2], c[1]]));
const out = {};
for (const g of atlas.objects.countries.geometries) {
  if (g.id && byNumeric[g.id]) out[g.id] = byNumeric[g.id];
}
out["Kosovo"] = "KSV";  // no ISO numeric id: keyed by the atlas name
process.stdout.write(JSON.stringify(out) + "\n");
' "$M" > "$OUT/iso-3166.json"
cat > "$OUT/VERSIONS" <<EOF
d3 $D3 (ISC) dist/d3.min.js
topojson-client $TOPOJSON (ISC) dist/topojson-client.min.js
@observablehq/plot $PLOT (ISC) dist/plot.umd.min.js
world-atlas $WORLD_ATLAS (ISC; Natural Earth, public domain) countries-110m.json
iso-3166.json generated from i18n-iso-countries $ISO (MIT) codes.json
EOF
du -cb "$OUT"/*.js "$OUT"/*.json | tail -1
