"""Loads every collection of an OGC API - Features service the way QGIS's
"Add WFS / OGC API - Features Layer" dialog does, with QGIS's own OAPIF provider,
and prints what QGIS got as one JSON document on stdout.

Usage: /usr/bin/python3 load_collections.py SERVICE_URL [PAGE_SIZES_JSON]
  PAGE_SIZES_JSON: {"incidents": 5, ...}; collections not named use 5.

Headless (QT_QPA_PLATFORM=offscreen). Run it with HOME set to a scratch directory: the
connection is saved in QGIS's settings there, as the dialog's "New" button does.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (Qgis, QgsApplication, QgsDataSourceUri, QgsFeatureRequest,  # noqa: E402
                       QgsNetworkAccessManager, QgsRectangle, QgsSettings, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant  # noqa: E402

CONNECTION = "incident-atlas"


def plain(value):
    """A QGIS attribute value as JSON."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-ddTHH:mm:ss") if value.isValid() else None
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def rect(r):
    return [r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()]


def listed_layers(url, page_size):
    """The collections as QGIS's browser / source-select lists them for a saved connection."""
    settings = QgsSettings()
    key = "qgis/connections-wfs/" + CONNECTION + "/"
    settings.setValue(key + "url", url)
    settings.setValue(key + "version", "OGC_API_FEATURES")
    settings.setValue(key + "pagingenabled", True)
    settings.setValue(key + "pagesize", str(page_size))
    root = QgsApplication.dataItemProviderRegistry().provider("WFS").createDataItem("", None)
    for connection in root.createChildren():
        if connection.name() == CONNECTION:
            return [(item.name(), item.uri(), item.providerKey()) for item in connection.createChildren()]
    raise SystemExit("QGIS did not list the connection " + CONNECTION)


def load(name, title, uri, page_size, sample_size):
    source = QgsDataSourceUri(uri)
    source.removeParam("pageSize")
    source.setParam("pageSize", str(page_size))
    # "Only request features overlapping the view extent" off: load everything, page by page
    source.removeParam("restrictToRequestBBOX")
    layer = QgsVectorLayer(source.uri(False), name, "OAPIF")
    result = {"title": title, "uri": source.uri(False), "valid": layer.isValid()}
    if not layer.isValid():
        result["error"] = layer.error().summary()
        return result
    fields = layer.fields()
    id_index = fields.indexOf("id")
    ids, geometry_types, samples = [], {}, {}
    data_extent = QgsRectangle()
    data_extent.setMinimal()
    for feature in layer.getFeatures(QgsFeatureRequest()):
        fid = plain(feature.attribute(id_index)) if id_index >= 0 else None
        ids.append(None if fid is None else str(fid))
        geometry = feature.geometry()
        kind = "NULL" if geometry.isNull() else QgsWkbTypes.displayString(geometry.wkbType())
        geometry_types[kind] = geometry_types.get(kind, 0) + 1
        if not geometry.isNull():
            data_extent.combineExtentWith(geometry.boundingBox())
        if len(samples) < sample_size and fid is not None:
            values = {f.name(): plain(feature.attribute(f.name())) for f in fields}
            values["geometry"] = geometry.asWkt(6) if not geometry.isNull() else None
            samples[str(fid)] = values
    result.update({
        "feature_count": layer.featureCount(),
        "loaded": len(ids),
        "ids": ids,
        "fields": [{"name": f.name(), "type": f.typeName()} for f in fields],
        "geometry_type": QgsWkbTypes.displayString(layer.wkbType()),
        "feature_geometry_types": geometry_types,
        "crs": layer.crs().authid(),
        "extent": rect(layer.extent()),
        "data_extent": rect(data_extent),
        "samples": samples,
    })
    return result


def load_in_box(uri, page_size, box):
    """As with "Only request features overlapping the view extent": QGIS sends bbox."""
    source = QgsDataSourceUri(uri)
    source.removeParam("pageSize")
    source.setParam("pageSize", str(page_size))
    source.removeParam("restrictToRequestBBOX")
    source.setParam("restrictToRequestBBOX", "1")
    layer = QgsVectorLayer(source.uri(False), "box", "OAPIF")
    request = QgsFeatureRequest().setFilterRect(QgsRectangle(*box))
    id_index = layer.fields().indexOf("id")
    ids = [str(plain(f.attribute(id_index))) if id_index >= 0 else None for f in layer.getFeatures(request)]
    return {"box": box, "ids": ids}


def main():
    url = sys.argv[1]
    page_sizes = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    box = json.loads(sys.argv[3]) if len(sys.argv) > 3 else None
    app = QgsApplication([], False)
    app.initQgis()
    requests = []
    # every reply QGIS received (also from its download threads), to show the pages it walked
    QgsNetworkAccessManager.instance().finished.connect(
        lambda reply: requests.append(reply.request().url().toString()))
    try:
        default_size = page_sizes.get("default", 5)
        layers = listed_layers(url, default_size)
        out = {"qgis_version": Qgis.QGIS_VERSION, "listed": [], "collections": {}}
        for title, uri, provider in layers:
            name = QgsDataSourceUri(uri).param("typename")
            out["listed"].append({"name": name, "title": title, "provider": provider})
            size = page_sizes.get(name, default_size)
            out["collections"][name] = load(name, title, uri, size, 3)
            if name == "incidents" and box is not None:
                out["incidents_in_box"] = load_in_box(uri, size, box)
        for _ in range(5):
            app.processEvents()
        out["requests"] = requests
        print(json.dumps(out, indent=1, ensure_ascii=False))
    finally:
        app.exitQgis()


if __name__ == "__main__":
    main()
