// The web map: incidents, borders and places from the service's own OGC API. Every control
// becomes an API parameter (datetime, event_type, max-border-distance), so the map shows
// exactly what /collections/incidents/items answers.
(function () {
  'use strict';
  var element = document.getElementById('map');
  var status = document.getElementById('status');
  var from = document.getElementById('date-from');
  var to = document.getElementById('date-to');
  var eventType = document.getElementById('event-type');
  var borderKm = document.getElementById('border-km');
  var DAY = 86400000;
  var COLOURS = {
    'Battles': '#d7301f',
    'Explosions/Remote violence': '#fd8d3c',
    'Violence against civilians': '#7a0177',
    'Protests': '#2b8cbe',
    'Riots': '#41ab5d',
    'Strategic developments': '#737373'
  };
  var start = null;
  var loadId = 0;

  // no tile layer by default, so the zoom range is set here (marker clusters need a maxZoom)
  var map = L.map(element, { minZoom: 3, maxZoom: 18 }).setView([40.0, 46.0], 7);
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution || '' }).addTo(map);
  }
  var countries = L.geoJSON(null, { style: { color: '#666', weight: 1, fillColor: '#f2efe9', fillOpacity: 1 } }).addTo(map);
  var borders = L.geoJSON(null, {
    style: { color: '#b2182b', weight: 2.5, dashArray: '6 4' },
    onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name || f.id); }
  }).addTo(map);
  var incidents = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false }).addTo(map);
  var places = L.layerGroup();
  L.control.layers(null, { 'Incidents': incidents, 'Borders': borders, 'Places': places }, { collapsed: false }).addTo(map);
  L.control.scale().addTo(map);

  function text(tag, value, className) {
    var node = document.createElement(tag);
    if (value !== null && value !== undefined) { node.textContent = String(value); }
    if (className) { node.className = className; }
    return node;
  }

  function day(index) { return new Date(start + index * DAY).toISOString().substring(0, 10); }

  function colour(type) { return COLOURS[type] || '#3f007d'; }

  function size(fatalities) { return Math.round(12 + 6 * Math.sqrt(fatalities || 0)); }

  function range(c) {
    if (c === null || c === undefined) { return 'unknown'; }
    return String(c);
  }

  function popup(f) {
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

  function marker(f) {
    var at = f.geometry.type === 'Point'
      ? L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0])
      : L.geoJSON(f).getBounds().getCenter();
    var s = size(f.properties.fatalities);
    var icon = L.divIcon({
      className: 'incident-icon',
      html: '<div style="background:' + colour(f.properties.event_type) + '"></div>',
      iconSize: [s, s]
    });
    var m = L.marker(at, { icon: icon, title: f.properties.location_name || '' });
    m.bindPopup(function () { return popup(f); });
    // the circle of uncertainty, drawn while the popup is open
    var circle = null;
    m.on('popupopen', function () {
      if (f.properties.location_uncertainty_m) {
        circle = L.circle(at, { radius: f.properties.location_uncertainty_m, className: 'uncertainty-circle',
          color: colour(f.properties.event_type), weight: 1, dashArray: '4 4', fillOpacity: 0.08, interactive: false });
        circle.addTo(map);
      }
    });
    m.on('popupclose', function () { if (circle) { circle.remove(); circle = null; } });
    return m;
  }

  /** The API parameters the controls stand for. */
  function query() {
    var params = new URLSearchParams();
    if (start !== null) { params.set('datetime', day(+from.value) + '/' + day(+to.value)); }
    if (eventType.value) { params.set('event_type', eventType.value); }
    var km = borderKm.value.trim();
    if (km !== '' && !isNaN(+km)) { params.set('max-border-distance', String(Math.round(+km * 1000))); }
    return params;
  }

  /** All pages of items, following the next links. */
  function fetchAll(url, features) {
    return fetch(url, { headers: { Accept: 'application/geo+json' } }).then(function (r) {
      if (!r.ok) { return r.json().then(function (e) { throw new Error(e.description || r.status); }); }
      return r.json();
    }).then(function (page) {
      page.features.forEach(function (f) { features.push(f); });
      var next = (page.links || []).filter(function (l) { return l.rel === 'next'; })[0];
      return next ? fetchAll(next.href, features) : { features: features, matched: page.numberMatched };
    });
  }

  var byId = {};

  /** For tests and links: zooms in until an incident's marker is out of its cluster. */
  element.atlas = {
    showIncident: function (id) {
      var m = byId[String(id)];
      if (m) {
        // close in without animation (fewer moving parts), then let the cluster group spiderfy if still needed
        map.setView(m.getLatLng(), 16, { animate: false });
        incidents.zoomToShowLayer(m);
      }
      return !!m;
    }
  };

  /** Loads the incidents the controls select; {@code first} also fills the event types and fits the view. */
  function load(first) {
    var id = ++loadId;
    var params = query();
    params.set('limit', '1000');
    element.dataset.state = 'loading';
    status.textContent = 'Loading…';
    return fetchAll('collections/incidents/items?' + params.toString(), []).then(function (result) {
      if (id !== loadId) { return; }
      incidents.clearLayers();
      byId = {};
      incidents.addLayers(result.features.map(function (f) {
        var m = marker(f);
        byId[String(f.id)] = m;
        return m;
      }));
      if (first === true) { firstLoad(result); }
      params.delete('limit');
      element.dataset.query = params.toString();
      element.dataset.markerCount = String(result.features.length);
      element.dataset.numberMatched = String(result.matched);
      element.dataset.loadId = String(id);
      element.dataset.state = 'ready';
      status.textContent = result.features.length + ' incidents';
      return result;
    }).catch(function (e) {
      if (id !== loadId) { return; }
      element.dataset.state = 'error';
      status.textContent = 'Error: ' + e.message;
    });
  }

  function labels() {
    if (start === null) { return; }
    if (+from.value > +to.value) { to.value = from.value; }
    document.getElementById('from-label').textContent = day(+from.value);
    document.getElementById('to-label').textContent = day(+to.value);
  }

  function legend(types) {
    var box = document.getElementById('legend');
    box.textContent = '';
    box.appendChild(text('div', 'Size: fatalities'));
    types.forEach(function (t) {
      var item = text('div', null, 'legend-item');
      var swatch = text('span', null, 'swatch');
      swatch.style.background = colour(t);
      item.appendChild(swatch);
      item.appendChild(text('span', t));
      box.appendChild(item);
    });
  }

  function loadPlaces() {
    if (!map.hasLayer(places)) { return; }
    if (map.getZoom() < 9) {
      places.clearLayers();
      status.textContent = 'Zoom in to see places';
      return;
    }
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); }).join(',');
    fetch('collections/places/items?limit=1000&bbox=' + bbox, { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        places.clearLayers();
        element.dataset.placeCount = String(page.features.length);
        page.features.forEach(function (f) {
          var p = f.properties.representative_point;
          L.circleMarker([p[1], p[0]], { radius: 3, color: '#444', weight: 1, fillOpacity: 0.8 })
            .bindTooltip(f.properties.name, { className: 'place-label' }).addTo(places);
        });
      });
  }

  [from, to].forEach(function (input) {
    input.addEventListener('input', labels);
    input.addEventListener('change', function () { labels(); load(); });
  });
  eventType.addEventListener('change', load);
  borderKm.addEventListener('change', load);
  map.on('overlayadd', function (e) { if (e.layer === places) { loadPlaces(); } });
  map.on('moveend', loadPlaces);

  fetch('map/countries.geojson').then(function (r) { return r.json(); }).then(function (g) {
    countries.addData(g);
    countries.bringToBack();
  });
  fetch('collections/borders/items?limit=10000', { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.json(); }).then(function (g) { borders.addData(g); });

  // The slider spans the collection's temporal extent; the first load also lists the event types.
  fetch('collections/incidents', { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); })
    .then(function (c) {
      var interval = c.extent && c.extent.temporal ? c.extent.temporal.interval[0] : null;
      if (interval && interval[0] && interval[1]) {
        start = Date.parse(interval[0].substring(0, 10));
        var days = Math.round((Date.parse(interval[1].substring(0, 10)) - start) / DAY);
        [from, to].forEach(function (input) { input.max = String(days); });
        from.value = '0';
        to.value = String(days);
        labels();
      }
      return load(true);
    });

  function firstLoad(result) {
    var types = [];
    result.features.forEach(function (f) {
      if (types.indexOf(f.properties.event_type) < 0) { types.push(f.properties.event_type); }
    });
    types.sort().forEach(function (t) {
      var option = text('option', t);
      option.value = t;
      eventType.appendChild(option);
    });
    legend(types);
    if (result.features.length) { map.fitBounds(incidents.getBounds(), { padding: [30, 30], maxZoom: 10, animate: false }); }
  }
})();
