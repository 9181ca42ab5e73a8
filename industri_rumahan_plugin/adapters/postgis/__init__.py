"""The shared PostgreSQL + PostGIS database: DDL built from ``core.schema``, roles and
row-level security (``security.sql``), and the SQL runner used by the algorithms."""
