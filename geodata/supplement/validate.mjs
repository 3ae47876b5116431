// Validates geodata/supplement/places.tsv, border-*.tsv and geodata/gold/toponyms.tsv.
// Usage: node geodata/supplement/validate.mjs   (run from the repo root)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PLACE_FILES = ['places.tsv', 'border-arm-north.tsv', 'border-arm-south.tsv', 'border-aze.tsv', 'border-nakhchivan.tsv'];
const GOLD = join(here, '..', 'gold', 'toponyms.tsv');
const PCOLS = ['id','name','feature_type','country','admin1','admin2','lat','lon','geometry_wkt','population','alt_names','source','notes'];
const GCOLS = ['query','context','expected_id','expected_name','lat','lon','kind','tolerance_km','from_seed','source'];
const FTYPES = new Set(['city','town','village','height','ridge','pass','road','corridor','lake','river','region','district','direction','border_crossing']);
const KINDS = new Set(['settlement','height','corridor','region','other']);
const CC = new Set(['ARM','AZE','GEO','IRN','TUR']);
const LANGS = new Set(['en','hy','az','az-Cyrl','ru','other']);
let errors = 0, warnings = 0;
const err = (m) => { errors++; console.log('ERROR  ' + m); };
const warn = (m) => { warnings++; console.log('WARN   ' + m); };

function readTsv(path, cols) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  if (header.join('|') !== cols.join('|')) err(`${path}: header mismatch: ${header.join(',')}`);
  return lines.slice(1).map((l, i) => {
    const f = l.split('\t');
    if (f.length !== cols.length) err(`${path}:${i + 2}: ${f.length} columns, expected ${cols.length}`);
    const o = {}; cols.forEach((c, j) => (o[c] = f[j] ?? '')); o._line = i + 2; return o;
  });
}
const num = (s) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN);
const inBox = (lat, lon) => lat >= 36 && lat <= 44 && lon >= 38 && lon <= 52;
function hav(a, b, c, d) {
  const r = (x) => (x * Math.PI) / 180, R = 6371;
  const h = Math.sin(r(c - a) / 2) ** 2 + Math.cos(r(a)) * Math.cos(r(c)) * Math.sin(r(d - b) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

const places = PLACE_FILES.flatMap((f) => readTsv(join(here, f), PCOLS).map((p) => ({ ...p, _file: f })));
const byId = new Map();
for (const p of places) {
  const where = `${p._file}:${p._line} (${p.id})`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.id)) err(`${where}: bad id slug`);
  if (byId.has(p.id)) err(`${where}: duplicate id`);
  byId.set(p.id, p);
  if (!p.name) err(`${where}: empty name`);
  if (!FTYPES.has(p.feature_type)) err(`${where}: bad feature_type ${p.feature_type}`);
  if (!CC.has(p.country)) err(`${where}: bad country ${p.country}`);
  if (!p.source) err(`${where}: empty source`);
  if (p.lat === '' && p.lon === '') {
    if (!/UNVERIFIED/.test(p.notes + p.source)) err(`${where}: empty coordinates without UNVERIFIED flag`);
    else warn(`${where}: coordinates UNVERIFIED (empty)`);
  } else {
    const lat = num(p.lat), lon = num(p.lon);
    if (Number.isNaN(lat) || Number.isNaN(lon)) err(`${where}: lat/lon do not parse`);
    else if (!inBox(lat, lon)) err(`${where}: lat/lon outside 36–44 / 38–52`);
  }
  if (p.population && !/^\d+$/.test(p.population)) err(`${where}: population not an integer`);
  if (p.alt_names) for (const a of p.alt_names.split('|')) {
    const k = a.indexOf(':');
    if (k < 1 || !LANGS.has(a.slice(0, k)) || !a.slice(k + 1)) err(`${where}: bad alt_name "${a}"`);
  }
  if (p.geometry_wkt) {
    const m = /^LINESTRING\((.*)\)$/.exec(p.geometry_wkt);
    if (!m) { err(`${where}: geometry is not a LINESTRING`); continue; }
    const pts = m[1].split(',').map((s) => s.trim().split(/\s+/).map(Number));
    if (pts.some((q) => q.length !== 2 || q.some(Number.isNaN))) err(`${where}: LINESTRING does not parse`);
    else {
      if (pts.some(([x, y]) => !inBox(y, x))) err(`${where}: LINESTRING vertex outside box (lon lat order?)`);
      if (pts.length < 8) warn(`${where}: LINESTRING has only ${pts.length} vertices (<8)`);
      const maxSeg = Math.max(...pts.slice(1).map((q, i) => hav(pts[i][1], pts[i][0], q[1], q[0])));
      console.log(`INFO   ${where}: ${pts.length} vertices, longest segment ${maxSeg.toFixed(1)} km`);
    }
  } else if (['road', 'corridor'].includes(p.feature_type)) warn(`${where}: road/corridor without geometry`);
}

const gold = readTsv(GOLD, GCOLS);
const seen = new Set();
for (const g of gold) {
  const where = `toponyms.tsv:${g._line} (${g.query} | ${g.context})`;
  const key = g.query + '\u0000' + g.context;
  if (seen.has(key)) err(`${where}: duplicate query+context`);
  seen.add(key);
  if (!KINDS.has(g.kind)) err(`${where}: bad kind ${g.kind}`);
  if (g.expected_id && !byId.has(g.expected_id)) err(`${where}: expected_id ${g.expected_id} not in places.tsv`);
  if (Number.isNaN(num(g.tolerance_km))) err(`${where}: tolerance_km does not parse`);
  if (!g.source) err(`${where}: empty source`);
  if (g.from_seed && !/^\d{3}(\|\d{3})*$/.test(g.from_seed)) err(`${where}: bad from_seed ${g.from_seed}`);
  if (g.lat === '' && g.lon === '') {
    if (!/UNVERIFIED/.test(g.source)) err(`${where}: empty coordinates without UNVERIFIED flag`);
    else warn(`${where}: gold coordinates UNVERIFIED (empty)`);
    continue;
  }
  const lat = num(g.lat), lon = num(g.lon);
  if (Number.isNaN(lat) || Number.isNaN(lon)) { err(`${where}: lat/lon do not parse`); continue; }
  if (g.kind !== 'other' && !inBox(lat, lon)) err(`${where}: lat/lon outside 36–44 / 38–52`);
  if (g.expected_id && byId.has(g.expected_id)) {
    const p = byId.get(g.expected_id);
    if (p.lat !== '') {
      const d = hav(lat, lon, num(p.lat), num(p.lon));
      if (d > num(g.tolerance_km)) err(`${where}: places point is ${d.toFixed(2)} km from gold (> tolerance ${g.tolerance_km})`);
    }
    if (/SINGLE SOURCE|DERIVED/.test(g.source)) warn(`${where}: gold coordinate not independent (${g.source.slice(0, 40)}…)`);
  }
}
const counts = {};
for (const p of places) counts[p.feature_type] = (counts[p.feature_type] || 0) + 1;
console.log('INFO   places:', places.length, JSON.stringify(counts));
console.log('INFO   gold rows:', gold.length, 'with from_seed:', gold.filter((g) => g.from_seed).length);
console.log(`${errors === 0 ? 'OK' : 'FAILED'}: ${errors} errors, ${warnings} warnings`);
process.exit(errors === 0 ? 0 : 1);
