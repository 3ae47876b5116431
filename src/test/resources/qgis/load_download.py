"""Opens a whole FlatGeobuf download by its URL in QGIS, as an analyst does with Layer > Add Layer >
Add Vector Layer > Protocol: HTTP(S) (GDAL's /vsicurl/, which reads the file in byte ranges), reads
every feature, then asks for the features in a box (answered through the file's spatial index),
and prints what QGIS got as one JSON document on stdout.

Usage: /usr/bin/python3 load_download.py URL [minx,miny,maxx,maxy]
Headless (QT_QPA_PLATFORM=offscreen); run it with HOME set to a scratch directory.
"""
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsFeatureRequest, QgsRectangle, QgsVectorLayer  # noqa: E402


def main():
    url = sys.argv[1]
    box = [float(v) for v in sys.argv[2].split(",")] if len(sys.argv) > 2 else None
    app = QgsApplication([], False)
    app.initQgis()
    code = load(url, box)
    sys.stdout.flush()
    # QGIS 3.22 can crash in exitQgis() after an OGR layer read through /vsicurl/ (exit 139), after
    # the result is out: leave without its clean-up, which a throwaway process does not need
    os._exit(code)


def load(url, box):
    started = time.monotonic()
    layer = QgsVectorLayer("/vsicurl/" + url, "incidents", "ogr")
    if not layer.isValid():
        print(json.dumps({"valid": False, "error": layer.error().summary()}))
        return 1
    ids = []
    id_index = layer.fields().indexOf("id")
    for feature in layer.getFeatures():
        if not feature.hasGeometry():
            raise SystemExit("a feature without geometry: " + str(feature.id()))
        ids.append(feature.attributes()[id_index])
    seconds = time.monotonic() - started
    result = {"valid": True, "featureCount": layer.featureCount(), "read": len(ids), "distinctIds": len(set(ids)),
              "fields": [f.name() for f in layer.fields()], "crs": layer.crs().authid(), "seconds": seconds}
    if box:
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(*box))
        result["inBox"] = sorted(f.attributes()[id_index] for f in layer.getFeatures(request))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    main()
