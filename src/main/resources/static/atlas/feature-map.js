// The small map of an items or item page: GeoJSON fetched from data-geojson-url, or inline in #map-data.
(function () {
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') { return; }
  var map = L.map(element);
  map.setView([40, 46], 6);
  function show(geojson) {
    var layer = L.geoJSON(geojson, {
      pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, { radius: 6, color: '#c0392b' }); }
    }).addTo(map);
    // the circle of uncertainty of an incident (location_uncertainty_m) or a place (uncertainty_m)
    (geojson.features || [geojson]).forEach(function (f) {
      var p = f.properties || {};
      var metres = p.location_uncertainty_m !== undefined ? p.location_uncertainty_m : p.uncertainty_m;
      if (f.geometry && f.geometry.type === 'Point' && metres) {
        L.circle([f.geometry.coordinates[1], f.geometry.coordinates[0]],
          { radius: metres, className: 'uncertainty-circle', color: '#c0392b', weight: 1, dashArray: '4 4', fillOpacity: 0.08 })
          .bindTooltip('within ' + metres + ' m').addTo(map);
      }
    });
    var bounds = layer.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds, { maxZoom: 11, padding: [20, 20] }); }
    element.setAttribute('data-features', geojson.features ? geojson.features.length : 1);
  }
  fetch(element.dataset.base + '/map/countries.geojson')
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (countries) {
      if (countries) { L.geoJSON(countries, { style: { color: '#777', weight: 1, fillColor: '#eee', fillOpacity: 0.6 } }).addTo(map); }
    });
  var inline = document.getElementById('map-data');
  if (inline) {
    show(JSON.parse(inline.textContent));
  } else if (element.dataset.geojsonUrl) {
    fetch(element.dataset.geojsonUrl, { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.json(); }).then(show);
  }
})();
