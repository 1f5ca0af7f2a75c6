// Converts world-atlas's Natural Earth countries (TopoJSON) into the compact outline file the HTML report's map
// embeds: countries.bin.gz. Usage: node build.js <countries-50m.json> <out.bin>
//
// Steps: decode the TopoJSON arcs (quantised, delta-encoded), join them into one ring list per country, simplify
// every ring with Douglas-Peucker at TOLERANCE degrees, drop rings that collapse, and write them quantised to
// 1/1000 degree as zig-zag varint deltas. Deterministic: the same input gives the same bytes.
'use strict';
const fs = require('fs');

const TOLERANCE = 0.01; // degrees; about 1 km, a pixel or less at the zooms the report uses.
const SCALE = 1000;     // stored units per degree.

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node build.js <countries-50m.json> <out.bin>');
  process.exit(2);
}
const topo = JSON.parse(fs.readFileSync(input, 'utf8'));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;

// Arcs: absolute [lon, lat] positions.
const arcs = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});

function ring(indexes) {
  const points = [];
  for (const i of indexes) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    // Consecutive arcs share their joining point.
    arc.forEach((p, k) => { if (k > 0 || points.length === 0) points.push(p); });
  }
  return points;
}

function simplify(points, tolerance) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let best = -1, bestDist = 0;
    const [ax, ay] = points[a], [bx, by] = points[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > bestDist) { bestDist = d; best = i; }
    }
    if (best >= 0 && bestDist > tolerance) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const bytes = [];
function varint(n) {
  while (n >= 0x80) { bytes.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); }
  bytes.push(n);
}
function zigzag(n) { return n >= 0 ? n * 2 : -n * 2 - 1; }
function text(s) { const b = Buffer.from(s, 'utf8'); varint(b.length); for (const x of b) bytes.push(x); }

const countries = [];
for (const g of topo.objects.countries.geometries) {
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  const rings = [];
  for (const polygon of polygons) {
    for (const r of polygon) {
      const q = simplify(ring(r), TOLERANCE).map(([x, y]) => [Math.round(x * SCALE), Math.round(y * SCALE)]);
      const dedup = q.filter((p, i) => i === 0 || p[0] !== q[i - 1][0] || p[1] !== q[i - 1][1]);
      if (dedup.length >= 4) rings.push(dedup);
    }
  }
  if (rings.length === 0) continue;
  countries.push({ name: (g.properties && g.properties.name) || '', id: g.id || '', rings });
}
countries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

for (const c of 'PXNE') bytes.push(c.charCodeAt(0));
bytes.push(1); // version
varint(countries.length);
let points = 0;
for (const c of countries) {
  text(c.name);
  text(c.id);
  varint(c.rings.length);
  for (const r of c.rings) {
    varint(r.length);
    let px = 0, py = 0;
    for (const [x, y] of r) { varint(zigzag(x - px)); varint(zigzag(y - py)); px = x; py = y; }
    points += r.length;
  }
}
fs.writeFileSync(output, Buffer.from(bytes));
console.error(`${countries.length} countries, ${points} points, ${bytes.length} bytes`);
