"""Pure core: domain catalogue, schema and analysis kernels (no Qt, no QGIS imports)."""
