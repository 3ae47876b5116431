"""Adds the incident tiles to QGIS as a vector tile layer, the way "Vector Tiles > New Generic
Connection" does (an XYZ template of Mapbox Vector Tiles), draws them, and prints what QGIS did as
one JSON document on stdout: whether the layer is valid and how many pixels it painted in the
incidents' colour.

Usage: /usr/bin/python3 load_vector_tiles.py TILE_URL_TEMPLATE MIN_LON,MIN_LAT,MAX_LON,MAX_LAT

Headless (QT_QPA_PLATFORM=offscreen), with HOME set to a scratch directory.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,  # noqa: E402
                       QgsDataSourceUri, QgsMapRendererSequentialJob, QgsMapSettings, QgsMarkerSymbol,
                       QgsProject, QgsRectangle, QgsVectorTileBasicRenderer,
                       QgsVectorTileBasicRendererStyle, QgsVectorTileLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main():
    template, box = sys.argv[1], [float(v) for v in sys.argv[2].split(",")]
    app = QgsApplication([], False)
    app.initQgis()

    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", template)
    uri.setParam("zmin", "0")
    uri.setParam("zmax", "14")
    layer = QgsVectorTileLayer(bytes(uri.encodedUri()).decode(), "incidents")

    # every point of the "incidents" layer in pure red, nothing else drawn
    style = QgsVectorTileBasicRendererStyle("incidents", "incidents", QgsWkbTypes.PointGeometry)
    style.setSymbol(QgsMarkerSymbol.createSimple({"color": "255,0,0", "size": "3", "outline_style": "no"}))
    renderer = QgsVectorTileBasicRenderer()
    renderer.setStyles([style])
    layer.setRenderer(renderer)

    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    to_mercator = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), mercator, QgsProject.instance())
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(mercator)
    settings.setExtent(to_mercator.transformBoundingBox(QgsRectangle(*box)))
    settings.setOutputSize(QSize(600, 600))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    red = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            if c.red() > 200 and c.green() < 80 and c.blue() < 80:
                red += 1
    print(json.dumps({"qgis_version": Qgis.QGIS_VERSION, "valid": layer.isValid(), "source_type": layer.sourceType(),
                      "red_pixels": red}))
    app.exitQgis()


main()
