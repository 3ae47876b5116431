"""Opens a whole download by its URL in QGIS and reads every feature, by either route of README's
"Using the service in QGIS", and prints what QGIS got as one JSON document on stdout:

- by range (default): the FlatGeobuf download with its spatial index (f=fgb) through GDAL's
  /vsicurl/, as Layer > Add Layer > Add Vector Layer > Protocol: HTTP(S) opens it: the header and
  index first, then the features in large byte ranges; --box then asks for the features in a box
  (answered through the file's index);
- streamed (--streaming): the FlatGeobuf download without index (f=fgb&index=false) through
  /vsicurl_streaming/, one GET read while the service is still writing it.

"seconds" runs from opening the layer to the last feature read by the provider's iterator: GDAL
decodes each feature and QGIS fills its geometry and every attribute in C++; the Python loop only
counts (per-attribute Python work would measure Python, not QGIS). --features also reports each
feature's id, main attributes and position, from that same pass.

Usage: /usr/bin/python3 load_download.py URL [--streaming] [--box minx,miny,maxx,maxy] [--features]
Headless (QT_QPA_PLATFORM=offscreen); run it with HOME set to a scratch directory.
"""
import argparse
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsFeature, QgsFeatureRequest, QgsRectangle, QgsVectorLayer,  # noqa: E402
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QVariant  # noqa: E402

REPORTED = ("id", "event_date", "event_type", "fatalities", "location_name", "country")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--streaming", action="store_true")
    parser.add_argument("--box")
    parser.add_argument("--features", action="store_true")
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    code = load(args)
    sys.stdout.flush()
    # QGIS 3.22 can crash in exitQgis() after an OGR layer read through /vsicurl/ (exit 139), after
    # the result is out: leave without its clean-up, which a throwaway process does not need
    os._exit(code)


def plain(value):
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd")
    return value


def geometry(feature):
    """[x, y] of a point, WKT of anything else, None without geometry."""
    if not feature.hasGeometry():
        return None
    g = feature.geometry()
    if QgsWkbTypes.flatType(g.wkbType()) == QgsWkbTypes.Point:
        p = g.asPoint()
        return [p.x(), p.y()]
    return g.asWkt(6)


def load(args):
    started = time.monotonic()
    layer = QgsVectorLayer(("/vsicurl_streaming/" if args.streaming else "/vsicurl/") + args.url, "incidents", "ogr")
    if not layer.isValid():
        print(json.dumps({"valid": False}))
        return 1
    fields = layer.fields()
    reported = [(name, fields.indexOf(name)) for name in REPORTED if fields.indexOf(name) >= 0]
    read, without_geometry, features = 0, 0, []
    feature = QgsFeature()
    iterator = layer.dataProvider().getFeatures(QgsFeatureRequest())
    while iterator.nextFeature(feature):
        read += 1
        if args.features:
            if not feature.hasGeometry():
                without_geometry += 1
            values = {name: plain(feature.attribute(i)) for name, i in reported}
            values["geometry"] = geometry(feature)
            features.append(values)
    seconds = time.monotonic() - started
    result = {"valid": True, "read": read, "fields": [f.name() for f in fields], "crs": layer.crs().authid(),
              "seconds": seconds}
    if args.features:
        # after the timed pass: a streamed layer counts by reading the whole download again
        result.update(featureCount=layer.featureCount(), withoutGeometry=without_geometry, features=features)
    if args.box:
        id_index = fields.indexOf("id")
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(*[float(v) for v in args.box.split(",")]))
        result["inBox"] = sorted(f.attributes()[id_index] for f in layer.getFeatures(request))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    main()
