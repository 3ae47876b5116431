// The web map: MapLibre GL JS on the service's own vector tiles (OGC API - Tiles), the country
// outlines and the borders as vector tiles too, and a histogram of incidents over time. Every control becomes
// an API parameter (datetime, event_type, max-border-distance) carried in the tile URL and the
// histogram URL, so the map shows exactly what /collections/incidents/items answers.
(function () {
  'use strict';
  performance.mark('atlas:script');
  var element = document.getElementById('map');
  var status = document.getElementById('status');
  var from = document.getElementById('date-from');
  var to = document.getElementById('date-to');
  var eventType = document.getElementById('event-type');
  var borderKm = document.getElementById('border-km');
  var histogram = document.getElementById('histogram');
  var DAY = 86400000;
  var COLOURS = {
    'Battles': '#d7301f',
    'Explosions/Remote violence': '#fd8d3c',
    'Violence against civilians': '#7a0177',
    'Protests': '#2b8cbe',
    'Riots': '#41ab5d',
    'Strategic developments': '#737373'
  };
  var OTHER = '#3f007d';
  var PLACES_MIN_ZOOM = 9;
  var start = null;
  var loadId = 0;
  var popup = null;
  var origin = document.baseURI;
  // every URL MapLibre asks for (tiles included, which its workers fetch): the page must stay offline
  var requested = [];

  function absolute(path) { return new URL(path, origin).href; }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    if (value !== null && value !== undefined) { node.textContent = String(value); }
    if (className) { node.className = className; }
    return node;
  }

  function day(index) { return new Date(start + index * DAY).toISOString().substring(0, 10); }

  function colour(type) { return COLOURS[type] || OTHER; }

  /** The API parameters the controls stand for. */
  function query() {
    var params = new URLSearchParams();
    // the whole extent selects every incident: left out, so the tiles come from the counts kept on write
    if (start !== null && (+from.value > 0 || +to.value < +to.max)) {
      params.set('datetime', day(+from.value) + '/' + day(+to.value));
    }
    if (eventType.value) { params.set('event_type', eventType.value); }
    var km = borderKm.value.trim();
    if (km !== '' && !isNaN(+km)) { params.set('max-border-distance', String(Math.round(+km * 1000))); }
    return params;
  }

  function tileUrl(params) {
    var q = params.toString();
    // {z}/{y}/{x}: OGC tile matrix, row, column
    return absolute('collections/incidents/tiles/WebMercatorQuad/') + '{z}/{y}/{x}' + (q ? '?' + q : '');
  }

  // the extent: the sliders, the view and the histogram need it. The page carries it, so the map opens on it and asks
  // for the first view's tiles at once; without it (the database did not answer), it is fetched while MapLibre starts
  // (the page then preloads that URL)
  var bbox = element.dataset.bbox ? element.dataset.bbox.split(',').map(Number) : null;
  /** How the first view fits the extent, whether the page or the collection document gave it. */
  var FIT = { padding: 30, maxZoom: 10 };
  var collection = bbox ? Promise.resolve({ extent: {
    spatial: { bbox: [bbox] },
    temporal: { interval: [element.dataset.interval ? element.dataset.interval.split('/') : [null, null]] }
  } }) : fetch('collections/incidents?f=json').then(function (r) {
    if (!r.ok) { throw new Error('collections/incidents: ' + r.status); }
    return r.json();
  });

  var typeColour = ['match', ['get', 'event_type']];
  Object.keys(COLOURS).forEach(function (t) { typeColour.push(t, COLOURS[t]); });
  typeColour.push(OTHER);

  var sources = {
    // tiles made by the server from the outlines (x from the west, y from the north): the browser's one worker need not
    // cut the whole GeoJSON into tiles before the first view; deeper than zoom 12 MapLibre draws from zoom 12's tiles
    countries: { type: 'vector', tiles: [absolute('map/countries/') + '{z}/{x}/{y}'], minzoom: 0, maxzoom: 12 },
    // tiles the server simplifies per zoom: the browser need not cut the whole borders GeoJSON into tiles first
    borders: { type: 'vector', tiles: [absolute('collections/borders/tiles/WebMercatorQuad/') + '{z}/{y}/{x}'], minzoom: 0, maxzoom: 14 },
    places: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    uncertainty: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
  };
  var layers = [{ id: 'sea', type: 'background', paint: { 'background-color': '#cfe3f0' } }];
  if (element.dataset.tileUrl) {
    sources.basemap = { type: 'raster', tiles: [element.dataset.tileUrl], tileSize: 256,
      attribution: element.dataset.tileAttribution || '' };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  } else {
    layers.push({ id: 'countries-fill', type: 'fill', source: 'countries', 'source-layer': 'countries',
      paint: { 'fill-color': '#f2efe9' } });
  }
  layers.push(
    { id: 'countries-line', type: 'line', source: 'countries', 'source-layer': 'countries', paint: { 'line-color': '#666', 'line-width': 1 } },
    { id: 'borders', type: 'line', source: 'borders', 'source-layer': 'borders',
      paint: { 'line-color': '#b2182b', 'line-width': 2.5, 'line-dasharray': [3, 2] } },
    { id: 'uncertainty', type: 'fill', source: 'uncertainty',
      paint: { 'fill-color': '#444', 'fill-opacity': 0.08, 'fill-outline-color': '#444' } },
    { id: 'places', type: 'circle', source: 'places', minzoom: PLACES_MIN_ZOOM, layout: { visibility: 'none' },
      paint: { 'circle-radius': 3, 'circle-color': '#444', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } }
  );

  // The incidents come once the collection's extent is known (added under the places), so the first
  // tiles asked for are the first view's, with the controls' filters.
  var incidentLayers = [
    { id: 'cells', type: 'circle', source: 'incidents', 'source-layer': 'incidents', filter: ['has', 'count'],
      paint: {
        'circle-color': '#e6550d', 'circle-opacity': 0.7, 'circle-stroke-color': '#7f2704', 'circle-stroke-width': 1,
        'circle-radius': ['min', 30, ['+', 4, ['*', 1.6, ['sqrt', ['get', 'count']]]]]
      } },
    { id: 'incident-points', type: 'circle', source: 'incidents', 'source-layer': 'incidents', filter: ['!', ['has', 'count']],
      paint: {
        'circle-color': typeColour, 'circle-opacity': 0.85, 'circle-stroke-color': '#222', 'circle-stroke-width': 1.5,
        'circle-radius': ['+', 6, ['*', 3, ['sqrt', ['coalesce', ['get', 'fatalities'], 0]]]]
      } }
  ];

  var map = new maplibregl.Map({
    container: element,
    style: { version: 8, sources: sources, layers: layers },
    center: [46.0, 40.0],
    zoom: 6,
    // as extent() fits it: the first tiles asked for are the first view's
    bounds: bbox ? [[bbox[0], bbox[1]], [bbox[2], bbox[3]]] : undefined,
    fitBoundsOptions: FIT,
    minZoom: 2,
    maxZoom: 18,
    fadeDuration: 0,
    attributionControl: element.dataset.tileUrl ? {} : false,
    transformRequest: function (url) {
      requested.push(url);
      return { url: url };
    }
  });

  // ---- where the first view's time goes: performance marks (atlas:…) and the frames drawn, for the bench ----
  performance.mark('atlas:map-created');
  var frames = 0;

  // ---- the first view is painted once ----
  // MapLibre paints a frame whenever a tile comes in. With software WebGL (no GPU) each frame costs a raster and
  // a read-back of the canvas, on the same cores that decode the tiles, and only the complete first view is
  // worth seeing. So MapLibre keeps loading and placing tiles, but its painter skips frames until the first
  // view's sources are loaded, or FIRST_VIEW_HOLD_MS have passed on a slow network; then it paints.
  // map.painter is MapLibre's own object (5.24.1, vendored); without it the map paints every frame as before.
  var FIRST_VIEW_HOLD_MS = 2500;
  var painter = map.painter;
  var paint = painter && typeof painter.render === 'function' ? painter.render : null;
  var holding = paint !== null;
  if (paint) {
    painter.render = function () {
      if (holding) { return; }
      if (frames++ === 0) { performance.mark('atlas:first-render'); }
      return paint.apply(painter, arguments);
    };
  } else {
    map.on('render', function () { if (frames++ === 0) { performance.mark('atlas:first-render'); } });
  }
  /** Paints from the next frame on; {@code why} (loaded, timeout) is kept for the tests. */
  function paintFrames(why) {
    if (!holding) { return; }
    holding = false;
    element.dataset.firstPaint = why;
    map.off('idle', paintWhenLoaded);
    map.triggerRepaint();
  }
  // idle: a frame with nothing left to load; the incidents' source is added once the extent is known
  function paintWhenLoaded() { if (map.getSource('incidents')) { paintFrames('loaded'); } }
  if (holding) {
    map.on('idle', paintWhenLoaded);
    setTimeout(function () { paintFrames('timeout'); }, FIRST_VIEW_HOLD_MS);
  }
  var sourcesLoaded = {};
  map.on('sourcedata', function (e) {
    if (e.isSourceLoaded && !sourcesLoaded[e.sourceId]) {
      sourcesLoaded[e.sourceId] = true;
      performance.mark('atlas:source-' + e.sourceId);
    }
  });

  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  map.addControl(new maplibregl.ScaleControl());

  // ---- what the tiles drew, for the status line and the tests ----

  /** Incidents in the loaded tiles: cells carry a count, incident tiles each incident (once per id). */
  function drawn() {
    var cells = 0;
    var ids = {};
    var incidents = 0;
    var types = {};
    map.querySourceFeatures('incidents', { sourceLayer: 'incidents' }).forEach(function (f) {
      var p = f.properties;
      if (p.count !== undefined) {
        cells += p.count;
        Object.keys(JSON.parse(p.event_types || '{}')).forEach(function (t) { types[t] = true; });
      } else if (!ids[f.id]) {
        ids[f.id] = true;
        incidents++;
        types[p.event_type] = true;
      }
    });
    return { count: cells + incidents, types: Object.keys(types) };
  }

  /**
   * Resolves once the map has drawn every tile of the current view and tile URL: at an idle event
   * (the end of a frame with nothing left to load, retained tiles of the previous URL dropped) that
   * comes after a frame following the call. A repaint is asked for when no frame came for half a
   * second, so that an idle event comes even when the browser has nothing else to draw.
   */
  function settled() {
    return new Promise(function (resolve) {
      var framed = false;
      var timer = null;
      var lastFrame = performance.now();
      // a frame counts once it is painted (not while the first view's frames are held)
      function onRender() { framed = framed || !holding; lastFrame = performance.now(); }
      function onIdle() {
        if (framed && map.getSource('incidents') && map.isSourceLoaded('incidents')) {
          clearInterval(timer);
          map.off('render', onRender);
          map.off('idle', onIdle);
          resolve();
        }
      }
      map.on('render', onRender);
      map.on('idle', onIdle);
      // only when no frame came for a while: every frame is drawn in full, dear with a software renderer
      timer = setInterval(function () {
        if (performance.now() - lastFrame > 500) { map.triggerRepaint(); }
      }, 250);
      map.triggerRepaint();
    });
  }

  // ---- the histogram: incidents per day or month with the map's filters ----

  function drawHistogram(h) {
    var ctx = histogram.getContext('2d');
    var w = histogram.width;
    var height = histogram.height;
    ctx.clearRect(0, 0, w, height);
    var max = h.buckets.reduce(function (m, b) { return Math.max(m, b.count); }, 0);
    if (!h.buckets.length || start === null) { return; }
    var first = start;
    var last = start + (+to.max + 1) * DAY;
    var span = last - first;
    ctx.fillStyle = '#e6550d';
    h.buckets.forEach(function (b) {
      var x0 = (Date.parse(b.start) - first) / span * w;
      var x1 = (Date.parse(b.end) - first) / span * w;
      var bar = b.count / max * (height - 12);
      ctx.fillRect(x0, height - bar, Math.max(1, x1 - x0 - 1), bar);
    });
    ctx.fillStyle = '#333';
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillText('max ' + max + ' per ' + h.interval, 2, 9);
  }

  /** A bar per day when the extent is short, else per month. */
  function histogramInterval() { return start !== null && +to.max <= 120 ? 'day' : 'month'; }

  function fetchHistogram(q) {
    // no request headers: the page preloads the first view's histogram, and a preload serves only the same request
    return fetch('map/histogram?' + q.toString()).then(function (r) {
      if (!r.ok) { return r.json().then(function (e) { throw new Error(e.description || r.status); }); }
      return r.json();
    });
  }

  function loadHistogram(params, fetched) {
    var q = new URLSearchParams(params);
    q.set('interval', histogramInterval());
    histogram.dataset.state = 'loading';
    return (fetched || fetchHistogram(q)).then(function (h) {
      performance.mark('atlas:histogram');
      drawHistogram(h);
      histogram.dataset.total = String(h.total);
      histogram.dataset.buckets = JSON.stringify(h.buckets);
      histogram.dataset.state = 'ready';
      document.getElementById('histogram-caption').textContent = 'Incidents per ' + h.interval + ' (' + h.total + ')';
      return h;
    });
  }

  // ---- loading: every control change sets the tile URL and the histogram's filters ----

  /** Redraws for the controls; {@code first} also lists the event types and the legend. */
  function load(first) {
    var id = ++loadId;
    var params = query();
    var began = performance.now();
    element.dataset.state = 'loading';
    status.textContent = 'Loading…';
    if (first !== true) { map.getSource('incidents').setTiles([tileUrl(params)]); }
    var histogramLoaded = first === true ? firstHistogram : loadHistogram(params);
    return Promise.all([settled().then(function () { performance.mark('atlas:settled'); }), histogramLoaded]).then(function () {
      if (id !== loadId) { return; }
      var d = drawn();
      if (first === true) { firstLoad(d.types); }
      element.dataset.query = params.toString();
      element.dataset.markerCount = String(d.count);
      element.dataset.drawMs = String(Math.round(performance.now() - began));
      // since the page was opened: for load 1, how long the first view took
      element.dataset.readyMs = String(Math.round(performance.now()));
      element.dataset.frames = String(frames);
      element.dataset.loadId = String(id);
      element.dataset.state = 'ready';
      status.textContent = d.count + ' incidents';
    }).catch(function (e) {
      if (id !== loadId) { return; }
      element.dataset.state = 'error';
      status.textContent = 'Error: ' + e.message;
    });
  }

  map.on('error', function (e) {
    // a tile the server refused (a bad filter): say so instead of drawing nothing silently
    if (e && e.error && e.sourceId === 'incidents') {
      status.textContent = 'Error: ' + (e.error.message || e.error);
    }
  });

  function labels() {
    if (start === null) { return; }
    if (+from.value > +to.value) { to.value = from.value; }
    document.getElementById('from-label').textContent = day(+from.value);
    document.getElementById('to-label').textContent = day(+to.value);
  }

  function legend(types) {
    var box = document.getElementById('legend');
    box.textContent = '';
    box.appendChild(text('div', 'Zoomed out: circles per grid cell, sized by count'));
    box.appendChild(text('div', 'Zoomed in: incidents, sized by fatalities'));
    types.forEach(function (t) {
      var item = text('div', null, 'legend-item');
      var swatch = text('span', null, 'swatch');
      swatch.style.background = colour(t);
      item.appendChild(swatch);
      item.appendChild(text('span', t));
      box.appendChild(item);
    });
  }

  function firstLoad(types) {
    types.sort().forEach(function (t) {
      var option = text('option', t);
      option.value = t;
      eventType.appendChild(option);
    });
    legend(types);
  }

  // ---- popups: the incident fetched by id from the API ----

  function range(c) { return c === null || c === undefined ? 'unknown' : String(c); }

  function popupContent(f) {
    var p = f.properties;
    var box = text('div', null, 'popup');
    box.appendChild(text('h3', p.location_name));
    var when = p.event_date + (p.event_date_end && p.event_date_end !== p.event_date ? ' – ' + p.event_date_end : '');
    box.appendChild(text('div', when + ' · ' + p.event_type + (p.sub_event_type ? ' (' + p.sub_event_type + ')' : '')));
    box.appendChild(text('div', [p.admin1, p.country].filter(Boolean).join(', ')));
    box.appendChild(text('div', 'Location: ' + (p.location_uncertainty_m ? 'within ' + p.location_uncertainty_m + ' m (circle)' : 'no radius stated')
      + ' · geo precision ' + p.geo_precision, 'uncertainty'));
    var fat = 'Fatalities: ' + range(p.fatalities);
    if (p.fatalities_low !== null && p.fatalities_high !== null && p.fatalities_low !== undefined) {
      fat += ' (' + p.fatalities_low + '–' + p.fatalities_high + ')';
    }
    box.appendChild(text('div', fat + ' · injured: ' + range(p.injured)));
    if (p.claims && p.claims.length) {
      var table = text('table');
      var head = text('tr');
      ['Claimant', 'Losses of', 'Killed', 'Injured'].forEach(function (h) { head.appendChild(text('th', h)); });
      table.appendChild(head);
      p.claims.forEach(function (c) {
        var row = text('tr');
        row.appendChild(text('td', c.claimant));
        row.appendChild(text('td', c.side || ''));
        row.appendChild(text('td', range(c.fatalities)));
        row.appendChild(text('td', range(c.injured)));
        table.appendChild(row);
      });
      box.appendChild(table);
    }
    (p.sources || []).forEach(function (s) {
      var line = text('div');
      if (s.url && /^https?:\/\//.test(s.url)) {
        var a = text('a', s.outlet || s.url);
        a.href = s.url;
        a.target = '_blank';
        a.rel = 'noopener';
        line.appendChild(a);
      } else {
        line.appendChild(text('span', s.outlet || s.id));
      }
      if (s.published) { line.appendChild(text('span', ' ' + s.published)); }
      box.appendChild(line);
    });
    var link = text('a', 'Details');
    link.href = 'collections/incidents/items/' + encodeURIComponent(f.id) + '?f=html';
    box.appendChild(link);
    return box;
  }

  function fetchIncident(id) {
    return fetch('collections/incidents/items/' + encodeURIComponent(id), { headers: { Accept: 'application/geo+json' } })
      .then(function (r) {
        if (!r.ok) { return r.json().then(function (e) { throw new Error(e.description || r.status); }); }
        return r.json();
      });
  }

  /** The geometry's position for the popup: the point itself, else the middle of its box. */
  function position(geometry) {
    if (geometry.type === 'Point') { return geometry.coordinates; }
    var b = new maplibregl.LngLatBounds();
    (function walk(c) {
      if (typeof c[0] === 'number') { b.extend(c); } else { c.forEach(walk); }
    })(geometry.coordinates);
    return b.getCenter().toArray();
  }

  /** A polygon of the circle of uncertainty (radius in metres) around [lon, lat]. */
  function circle(at, radius) {
    var ring = [];
    var lat = at[1] * Math.PI / 180;
    for (var i = 0; i <= 64; i++) {
      var a = 2 * Math.PI * i / 64;
      ring.push([at[0] + radius * Math.sin(a) / (111320 * Math.cos(lat)), at[1] + radius * Math.cos(a) / 110540]);
    }
    return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
  }

  function openPopup(id, at) {
    return fetchIncident(id).then(function (f) {
      if (popup) { popup.remove(); }
      var where = at || position(f.geometry);
      var radius = f.properties.location_uncertainty_m;
      map.getSource('uncertainty').setData({ type: 'FeatureCollection',
        features: radius ? [circle(position(f.geometry), radius)] : [] });
      popup = new maplibregl.Popup({ maxWidth: '340px' }).setLngLat(where).setDOMContent(popupContent(f)).addTo(map);
      popup.on('close', function () {
        map.getSource('uncertainty').setData({ type: 'FeatureCollection', features: [] });
      });
      element.dataset.popupId = String(f.id);
    }).catch(function (e) { status.textContent = 'Error: ' + e.message; });
  }

  function clickable() {
    map.on('click', 'incident-points', function (e) {
      var f = e.features[0];
      openPopup(f.id, f.geometry.type === 'Point' ? f.geometry.coordinates : e.lngLat.toArray());
    });
    // a cell opens up into what it sums
    map.on('click', 'cells', function (e) {
      map.easeTo({ center: e.features[0].geometry.coordinates, zoom: Math.min(map.getZoom() + 2, 14) });
    });
    ['incident-points', 'cells'].forEach(function (layer) {
      map.on('mouseenter', layer, function () { map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', layer, function () { map.getCanvas().style.cursor = ''; });
    });
  }

  /** For tests and links: centres an incident at zoom 15 and tells where it is drawn (data-focus: x,y in the canvas). */
  element.atlas = {
    showIncident: function (id) {
      delete element.dataset.focus;
      return fetchIncident(id).then(function (f) {
        var at = position(f.geometry);
        map.jumpTo({ center: at, zoom: 15 });
        return settled().then(function () {
          var p = map.project(at);
          element.dataset.focus = Math.round(p.x) + ',' + Math.round(p.y);
          return true;
        });
      });
    },
    rendered: function () { return map.queryRenderedFeatures({ layers: ['cells', 'incident-points'] }).length; },
    requested: function () { return requested.slice(); },
    /** For failure messages: where loading stands. */
    progress: function () {
      return { sourceLoaded: !!map.getSource('incidents') && map.isSourceLoaded('incidents'), tilesLoaded: map.areTilesLoaded(), moving: map.isMoving(),
        histogram: histogram.dataset.state, requests: requested.length };
    }
  };

  // ---- layers: incidents, borders, places on demand ----

  function toggle(checkbox, layerIds) {
    checkbox.addEventListener('change', function () {
      layerIds.forEach(function (l) { map.setLayoutProperty(l, 'visibility', checkbox.checked ? 'visible' : 'none'); });
      if (checkbox.id === 'layer-places') { loadPlaces(); }
    });
  }
  var placesBox = document.getElementById('layer-places');

  function loadPlaces() {
    if (!placesBox.checked) { return; }
    if (map.getZoom() < PLACES_MIN_ZOOM) {
      status.textContent = 'Zoom in to see places';
      return;
    }
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); }).join(',');
    fetch('collections/places/items?limit=1000&bbox=' + bbox, { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        map.getSource('places').setData({ type: 'FeatureCollection', features: page.features.map(function (f) {
          return { type: 'Feature', properties: { name: f.properties.name },
            geometry: { type: 'Point', coordinates: f.properties.representative_point } };
        }) });
        element.dataset.placeCount = String(page.features.length);
      });
  }

  /** The sliders span the collection's temporal extent, the first view its spatial extent. */
  function extent(c) {
    var interval = c.extent && c.extent.temporal ? c.extent.temporal.interval[0] : null;
    if (interval && interval[0] && interval[1]) {
      start = Date.parse(interval[0].substring(0, 10));
      var days = Math.round((Date.parse(interval[1].substring(0, 10)) - start) / DAY);
      [from, to].forEach(function (input) { input.max = String(days); });
      from.value = '0';
      to.value = String(days);
      labels();
    }
    var box = c.extent && c.extent.spatial ? c.extent.spatial.bbox[0] : null;
    if (box) {
      map.fitBounds([[box[0], box[1]], [box[2], box[3]]], Object.assign({ animate: false }, FIT));
    }
  }

  var styled = new Promise(function (resolve) { map.once('style.load', resolve); });
  styled.then(function () { performance.mark('atlas:style-load'); });
  // the first view's histogram (no filter, a bar per month) is asked for with the extent, not after it: the page preloads
  // both; an archive of 120 days or less gets its bars per day once the extent says so
  var monthly = fetchHistogram(new URLSearchParams({ interval: 'month' }));
  monthly.catch(function () {}); // unused for a short archive; a failure is reported by the request that uses it
  var firstHistogram = collection.then(function (c) {
    performance.mark('atlas:extent');
    extent(c);
    var params = query();
    return loadHistogram(params, histogramInterval() === 'month' && !params.toString() ? monthly : null);
  });
  Promise.all([styled, collection]).then(function () {
    // tiles up to zoom 11 hold per-cell sums (count, fatalities, event_types), deeper the incidents
    map.addSource('incidents', { type: 'vector', tiles: [tileUrl(query())], minzoom: 0, maxzoom: 14 });
    incidentLayers.forEach(function (layer) { map.addLayer(layer, 'places'); });
    clickable();
    toggle(document.getElementById('layer-incidents'), ['cells', 'incident-points']);
    toggle(document.getElementById('layer-borders'), ['borders']);
    toggle(placesBox, ['places']);
    map.on('moveend', loadPlaces);
    [from, to].forEach(function (input) {
      input.addEventListener('input', labels);
      input.addEventListener('change', function () { labels(); load(); });
    });
    eventType.addEventListener('change', load);
    borderKm.addEventListener('change', load);
    return load(true);
  }).catch(function (e) {
    element.dataset.state = 'error';
    status.textContent = 'Error: ' + e.message;
  });
})();
