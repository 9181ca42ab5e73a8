"""Adapters between QGIS layers and the pure core (fields, arrays, storage)."""
